using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace ContactKit.Policies;

/// <summary>The outcome of loading a policy: the document when every rule holds, and every problem found.</summary>
/// <param name="Document">The document, or <see langword="null"/> when it has problems.</param>
/// <param name="Errors">Every problem, each with its JSON path in <see cref="ContactKitError.Field"/>; empty when loaded.</param>
public sealed record PolicyLoadResult(PolicyDocument? Document, ImmutableArray<ContactKitError> Errors)
{
    /// <summary>Whether the document loaded with no problems.</summary>
    public bool IsLoaded => Document is not null && Errors.IsEmpty;

    /// <summary>The document as a result: the first problem when there are any.</summary>
    /// <returns>The result.</returns>
    public Result<PolicyDocument> ToResult() => IsLoaded ? Document! : Errors[0];
}

/// <summary>Loads policy documents from JSON, validating everything at once.</summary>
public static class PolicyLoader
{
    /// <summary>Reads a policy from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The document, or every problem with its JSON path and rule. Never throws for bad input.</returns>
    public static PolicyLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PolicyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, PolicyJsonContext.Default.PolicyDocument);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            return new(null, [new ContactKitError(PoliciesErrorCodes.InvalidJson, Describe(e), path)]);
        }
        catch (ArgumentException)
        {
            return new(null, [new ContactKitError(PoliciesErrorCodes.InvalidJson, "The policy is not valid text: it holds half of a UTF-16 surrogate pair.", "$")]);
        }

        if (document is null)
        {
            return new(null, [new ContactKitError(PoliciesErrorCodes.InvalidJson, "The policy must be a JSON object.", "$")]);
        }

        var errors = Validate(document);
        return errors.IsEmpty ? new(document, []) : new(null, errors);
    }

    /// <summary>Reads a policy from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or every problem with its JSON path and rule.</returns>
    public static async ValueTask<PolicyLoadResult> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Load(text);
    }

    /// <summary>Checks a policy built in code against the same rules as <see cref="Load(string)"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>Every problem, each with its JSON path; empty when valid.</returns>
    public static ImmutableArray<ContactKitError> Validate(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicyValidator.Check(policy);
    }

    private static string Describe(JsonException e)
    {
        // The serializer's own message can quote the document's text; ours names only the place and the rule.
        var message = e.Message ?? string.Empty;
        if (message.Contains("could not be mapped", StringComparison.Ordinal) || message.Contains("unmapped", StringComparison.OrdinalIgnoreCase))
        {
            return "The policy has a property the schema does not know; check its spelling against policy.schema.json.";
        }

        return "The value is not of the expected shape (check the type, an enum value's spelling or an ISO 8601 date or period against policy.schema.json), or the JSON is malformed.";
    }
}
