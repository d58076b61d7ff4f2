using Microsoft.Extensions.Options;

namespace ContactKit.Recording;

/// <summary>
/// The default <see cref="IRecordingAccessPolicy"/>: grants a request only when one of the tenant's
/// <see cref="RecordingPlanOptions.AccessRules"/> names the role, the kind of use and the purpose, and a business need is stated
/// in readable words (at least one letter or digit).
/// </summary>
/// <param name="options">The recording options.</param>
public sealed class OptionsRecordingAccessPolicy(IOptionsMonitor<RecordingOptions> options) : IRecordingAccessPolicy
{
    /// <inheritdoc />
    public RecordingAccessDecision Decide(RecordingAccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (BusinessNeed.Check(request.BusinessNeed) is { } noNeed)
        {
            return new RecordingAccessDecision(request, noNeed);
        }

        foreach (var rule in options.CurrentValue.PlanFor(request.Tenant).AccessRules)
        {
            if (string.Equals(rule.Role, request.Role, StringComparison.Ordinal) &&
                request.Kind != RecordingAccessKind.None &&
                (rule.Kinds & request.Kind) == request.Kind &&
                rule.Purposes.Contains(request.Purpose.Value))
            {
                return new RecordingAccessDecision(request, null);
            }
        }

        return new RecordingAccessDecision(request, new ContactKitError(
            RecordingErrorCodes.AccessDenied,
            $"No access rule of tenant '{request.Tenant}' lets role {Errors.Excerpt(request.Role)} {Verb(request.Kind)} recordings for '{request.Purpose}'; add a rule to RecordingOptions if this access is needed.",
            "role"));
    }

    private static string Verb(RecordingAccessKind kind) => kind switch
    {
        RecordingAccessKind.Play => "play",
        RecordingAccessKind.Download => "download",
        RecordingAccessKind.Export => "export",
        _ => $"use ({kind})",
    };
}
