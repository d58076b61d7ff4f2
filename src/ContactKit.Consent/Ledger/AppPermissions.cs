using System.Collections.Immutable;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>A piece of personal data a voice-assistant skill or app may be allowed to read.</summary>
public enum AppPermission
{
    /// <summary>The subject's name.</summary>
    Name = 1,

    /// <summary>The subject's postal address.</summary>
    Address = 2,

    /// <summary>The subject's email address.</summary>
    Email = 3,

    /// <summary>The subject's telephone number.</summary>
    PhoneNumber = 4,
}

/// <summary>A permission currently granted: what, for which purpose, to which skill or app, and by which record.</summary>
/// <param name="Permission">The permission.</param>
/// <param name="Purpose">The purpose it is tied to.</param>
/// <param name="Recipient">The skill or app.</param>
/// <param name="GrantedBy">The record that granted it.</param>
public sealed record GrantedPermission(AppPermission Permission, Purpose Purpose, string Recipient, ConsentRecordId GrantedBy);

/// <summary>
/// Voice-assistant and app permissions as consent records: each grant covers one piece of data for one purpose and is
/// stored in the ledger; a revocation is a withdrawal record for the same data and purpose.
/// </summary>
public static class AppPermissions
{
    /// <summary>The data category a permission releases.</summary>
    /// <param name="permission">The permission.</param>
    /// <returns>The category key.</returns>
    public static DataCategoryKey Category(this AppPermission permission) => permission switch
    {
        AppPermission.Name => DataCategories.Name.Key,
        AppPermission.Address => DataCategories.Address.Key,
        AppPermission.Email => DataCategories.Email.Key,
        AppPermission.PhoneNumber => DataCategories.Phone.Key,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Not an app permission."),
    };

    /// <summary>Builds the record of a permission granted to a skill or app.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">The controller's name.</param>
    /// <param name="recipient">The skill or app.</param>
    /// <param name="permission">The permission.</param>
    /// <param name="purpose">The purpose it is tied to.</param>
    /// <param name="notice">The notice version shown.</param>
    /// <param name="at">When it was granted.</param>
    /// <returns>The record, ready for <see cref="ConsentLedger.RecordAsync"/>.</returns>
    public static ConsentRecord Grant(TenantId tenant, DataSubjectId subject, string controller, string recipient, AppPermission permission, Purpose purpose, NoticeReference notice, Instant at) =>
        Record(tenant, subject, controller, recipient, permission, purpose, at, ConsentStatus.Given) with { Notice = notice };

    /// <summary>Builds the record of a permission revoked.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">The controller's name.</param>
    /// <param name="recipient">The skill or app.</param>
    /// <param name="permission">The permission.</param>
    /// <param name="purpose">The purpose it was tied to.</param>
    /// <param name="at">When it was revoked.</param>
    /// <returns>The record.</returns>
    public static ConsentRecord Revoke(TenantId tenant, DataSubjectId subject, string controller, string recipient, AppPermission permission, Purpose purpose, Instant at) =>
        Record(tenant, subject, controller, recipient, permission, purpose, at, ConsentStatus.Withdrawn);

    /// <summary>The permissions a subject has granted and not revoked at <paramref name="at"/>.</summary>
    /// <param name="records">The subject's ledger records.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The permissions in effect, ordered by permission then purpose.</returns>
    public static ImmutableArray<GrantedPermission> Current(IReadOnlyList<ConsentRecord> records, DataSubjectId subject, Instant at)
    {
        ArgumentNullException.ThrowIfNull(records);
        var granted = ImmutableArray.CreateBuilder<GrantedPermission>();
        var pairs = records
            .Where(r => r.Method == ConsentMethod.AppPermission && r.Subject == subject && !r.DataCategories.IsDefault)
            .SelectMany(r => r.Purposes.SelectMany(p => r.DataCategories.Select(c => (Purpose: p, Category: c))))
            .Distinct();
        foreach (var (purpose, category) in pairs)
        {
            var state = ConsentStates.Derive(records.Where(r => r.Method == ConsentMethod.AppPermission), subject, purpose, at, category);
            if (state.IsGiven && FromCategory(category) is { } permission)
            {
                granted.Add(new GrantedPermission(permission, purpose, state.LastRecord!.Recipient ?? string.Empty, state.LastRecord.Id));
            }
        }

        return [.. granted.OrderBy(g => g.Permission).ThenBy(g => g.Purpose)];
    }

    private static AppPermission? FromCategory(DataCategoryKey key) =>
        Enum.GetValues<AppPermission>().Cast<AppPermission?>().FirstOrDefault(p => p!.Value.Category() == key);

    private static ConsentRecord Record(TenantId tenant, DataSubjectId subject, string controller, string recipient, AppPermission permission, Purpose purpose, Instant at, ConsentStatus status) => new()
    {
        Id = ConsentRecordId.New(),
        Tenant = tenant,
        Subject = subject,
        Controller = controller,
        Purposes = [purpose],
        DataCategories = [permission.Category()],
        Channel = Channel.VoiceAssistant,
        Status = status,
        Method = ConsentMethod.AppPermission,
        RecordedAt = at,
        Recipient = recipient,
    };
}
