using ContactKit.DataSubjects;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions;

/// <summary>Fails start-up when erasure is set to read ContactKit.Retention (<c>UseRetentionForErasure()</c>, called by <c>AddInteractions()</c>) without what it reads from.</summary>
internal sealed class RetentionForErasureCheck(IServiceProviderIsService services) : IValidateOptions<DataSubjectsOptions>
{
    public ValidateOptionsResult Validate(string? name, DataSubjectsOptions options)
    {
        List<string> failures = [];
        if (!services.IsService(typeof(IRetentionScheduleProvider)))
        {
            failures.Add(new ContactKitError(ErrorCodes.InvalidOptions, "UseRetentionForErasure() reads the retention schedules, but none are registered. Call AddRetention().", "IRetentionScheduleProvider").ToString());
        }

        if (!services.IsService(typeof(IRetentionStore)))
        {
            failures.Add(new ContactKitError(ErrorCodes.InvalidOptions, "UseRetentionForErasure() reads legal holds from an IRetentionStore, but none is registered. Register the store of a provider package, or call UseInMemoryStores() in tests.", "IRetentionStore").ToString());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
