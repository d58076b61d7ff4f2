using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.DataSubjects.Tests.DependencyInjection;

public class DataSubjectsConfigurationTests
{
    [Fact]
    public void BindConfiguration_DataSubjectsSection_BindsEveryTenantsDeletionPeriod()
    {
        var options = AppSettings.Bind<DataSubjectsOptions>("""
            { "ContactKit": { "DataSubjects": { "DeletionPeriodDays": 21, "DueSoonWithinDays": 5, "TenantDeletionPeriodDays": { "council": 14 } } } }
            """, ck => ck.AddDataSubjects().UseInMemoryStores());

        Assert.Equal(21, options.DeletionPeriodFor(TenantId.Parse("other")));
        Assert.Equal(14, options.DeletionPeriodFor(TenantId.Parse("council")));
        Assert.Equal(5, options.DueSoonWithinDays);
    }

    [Fact]
    public void StartupValidation_DaysWrittenAsAPeriod_FailsNamingTheKey()
    {
        // The deletion period is a count of days (counted on the tenant's calendar), not an ISO period.
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "DataSubjects": { "DeletionPeriodDays": "P28D" } } }""", ck => ck.AddDataSubjects().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:DataSubjects:DeletionPeriodDays", failure, StringComparison.Ordinal);
    }
}
