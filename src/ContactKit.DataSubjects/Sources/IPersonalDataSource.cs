namespace ContactKit.DataSubjects;

/// <summary>
/// What each system that holds personal data (the call recorder, the consent ledger, the CRM, case records) implements
/// so that rights requests reach it: find a subject's items, export them, and erase one. Results are streamed so that a
/// subject with many records is never held in memory at once.
/// </summary>
/// <remarks>Implementations must pass <c>ContactKit.Testing.PersonalDataSourceContractTests</c>.</remarks>
public interface IPersonalDataSource
{
    /// <summary>The source's name, unique in a registry (for example <c>call-recorder</c>); an inventory's system names it.</summary>
    string Name { get; }

    /// <summary>Streams the items held about a subject, without their content.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items.</returns>
    IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);

    /// <summary>Streams the items held about a subject with their content, for a copy.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);

    /// <summary>Erases one item about a subject.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="itemId">The item's id within this source.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>The erased item, or an error with code <see cref="ErrorCodes.NotFound"/> when the tenant holds no such item about the subject.</returns>
    ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default);
}
