using System.Diagnostics.CodeAnalysis;
using ContactKit.DataSubjects;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>One record to seed a source with before a contract test.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Subject">The data subject.</param>
/// <param name="Record">The record.</param>
public sealed record PersonalDataSeed(TenantId Tenant, DataSubjectId Subject, PersonalDataRecord Record);

/// <summary>
/// The behaviour every <see cref="IPersonalDataSource"/> must show: it finds and exports only the subject's data in the
/// tenant, erases exactly the item asked for, and stops when cancelled. Inherit it and return a source holding the
/// seed records from <see cref="CreateSource"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class PersonalDataSourceContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly DataSubjectId Bob = DataSubjectId.Parse("bob");

    /// <summary>Creates a source named <paramref name="name"/> holding exactly the seed records.</summary>
    /// <param name="name">The source's name.</param>
    /// <param name="seed">The records.</param>
    /// <returns>The source under test.</returns>
    protected abstract IPersonalDataSource CreateSource(string name, IReadOnlyList<PersonalDataSeed> seed);

    /// <summary>Find and export return the subject's items in the tenant and nothing else, and agree with each other.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task FindAndExport_MixedSeed_OnlyTheSubjectsItemsInTheTenant()
    {
        var source = CreateSource("crm", Seed());

        var found = await source.FindAsync(TenantA, Alice).ToListAsync();
        var exported = await source.ExportAsync(TenantA, Alice).ToListAsync();

        Assert.Equal(["a-1", "a-2"], found.Select(i => i.ItemId).Order());
        Assert.Equal(found.Select(i => i.ItemId).Order(), exported.Select(r => r.Item.ItemId).Order());
        Assert.All(found, i => Assert.Equal("crm", i.Source));
        Assert.Contains(exported, r => r.Fields.Any(f => f.Key == "note"));
    }

    /// <summary>Erasing an item removes exactly that item.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task EraseAsync_OneItem_RemovesOnlyThatItem()
    {
        var source = CreateSource("crm", Seed());

        var erased = await source.EraseAsync(TenantA, Alice, "a-1");
        var left = await source.FindAsync(TenantA, Alice).ToListAsync();
        var bobs = await source.FindAsync(TenantA, Bob).ToListAsync();

        Assert.Equal("a-1", erased.Value.ItemId);
        Assert.Equal(["a-2"], left.Select(i => i.ItemId));
        Assert.Single(bobs);
    }

    /// <summary>Erasing an item that is not the subject's in the tenant is refused as not found, and nothing changes.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task EraseAsync_OtherTenantsOrSubjectsItem_NotFoundAndKept()
    {
        var source = CreateSource("crm", Seed());

        var otherTenant = await source.EraseAsync(TenantB, Alice, "a-1");
        var otherSubject = await source.EraseAsync(TenantA, Alice, "b-1");
        var missing = await source.EraseAsync(TenantA, Alice, "nope");

        Assert.Equal(ErrorCodes.NotFound, otherTenant.Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, otherSubject.Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, missing.Error?.Code);
        Assert.Equal(2, (await source.FindAsync(TenantA, Alice).ToListAsync()).Count);
    }

    /// <summary>A cancelled token stops find and export.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task FindAndExport_Cancelled_Throw()
    {
        var source = CreateSource("crm", Seed());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.FindAsync(TenantA, Alice, cts.Token).ToListAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ExportAsync(TenantA, Alice, cts.Token).ToListAsync());
    }

    private static List<PersonalDataSeed> Seed() =>
    [
        new(TenantA, Alice, Record("a-1", "Enquiry about garden waste")),
        new(TenantA, Alice, Record("a-2", "Call back requested")),
        new(TenantA, Bob, Record("b-1", "Bob's enquiry")),
        new(TenantB, Alice, Record("x-1", "Another tenant's record")),
    ];

    private static PersonalDataRecord Record(string id, string note) => new()
    {
        Item = new PersonalDataItem
        {
            Source = "crm",
            ItemId = id,
            Category = DataCategories.ReasonForContact.Key,
            LawfulBasis = LawfulBasis.PublicTask,
            Purpose = Purpose.ServiceDelivery,
        },
        Fields = [new("note", note)],
    };
}
