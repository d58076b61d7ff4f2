using ContactKit;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Samples.ContactCentre;

/// <summary>The first steps with the shared vocabulary and the audit trail.</summary>
public static class QuickStart
{
    /// <summary>Runs the quick start.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var services = new ServiceCollection();
        services.AddContactKit(options => options.DefaultTimeZoneId = "Europe/London")
                .UseInMemoryStores();                       // fakes from ContactKit.Testing
        await using var provider = services.BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate(); // what a host does at start-up

        var tenant = TenantId.Parse("bath-council");
        var niNumber = DataCategoryTaxonomy.Default.Resolve("identifier.national_insurance_number").Value;
        output.WriteLine($"{niNumber.Name} maps to {niNumber.DpvConcept}");

        var fax = DataCategoryTaxonomy.Default.Resolve("contact.fax");
        output.WriteLine(fax.Error);                        // CK0002: 'contact.fax' is not a data category ...

        var audit = provider.GetRequiredService<IAuditTrail>();
        var entry = await audit.AppendAsync(new AuditEntry
        {
            Tenant = tenant, Actor = ActorId.Parse("dpo"), Action = "inventory.reviewed",
            OccurredAt = provider.GetRequiredService<IClock>().GetCurrentInstant(),
            Resource = new ResourceRef("notice", "contact-centre"), Reason = "annual review",
        });
        output.WriteLine($"Audit entry {entry.Sequence}: {entry.Action} by {entry.Actor}");
    }
}
