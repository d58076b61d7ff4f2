using FluentValidation;
using Microsoft.Extensions.Options;

namespace ContactKit;

/// <summary>
/// Runs a FluentValidation validator as an <see cref="IValidateOptions{TOptions}"/>, reporting every failure at once,
/// each with code <c>CK0007</c>, the setting's name and how to fix it.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <typeparam name="TValidator">The validator.</typeparam>
internal sealed class FluentValidationOptionsValidator<TOptions, TValidator> : IValidateOptions<TOptions>
    where TOptions : class
    where TValidator : IValidator<TOptions>, new()
{
    private readonly TValidator _validator = new();

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = _validator.Validate(options);
        if (result.IsValid)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(result.Errors.Select(e =>
            new ContactKitError(ErrorCodes.InvalidOptions, e.ErrorMessage, $"{typeof(TOptions).Name}.{e.PropertyName}").ToString()));
    }
}
