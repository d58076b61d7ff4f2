using ContactKit.Redaction;
using ContactKit.Testing;
using Microsoft.Extensions.Options;

namespace ContactKit.Redaction.Tests;

/// <summary>Builds redactors and runs them over synthetic conversations.</summary>
internal static class TestRedactor
{
    public static readonly TenantId Tenant = TenantId.Parse("tenant-1");
    public static readonly PartyId Agent = PartyId.Parse("agent-1");
    public static readonly PartyId Customer = PartyId.Parse("customer-1");

    public static Redactor Create(Action<RedactionOptions>? configure = null)
    {
        var options = new RedactionOptions();
        configure?.Invoke(options);
        return new Redactor(new StaticMonitor(options));
    }

    public static IReadOnlyList<RedactedMessage> Run(Redactor redactor, SyntheticConversation conversation) =>
        redactor.Redact(Tenant, conversation.Messages).Value.Messages;

    public static IReadOnlyList<RedactedMessage> Run(Redactor redactor, params TranscriptMessage[] messages) =>
        redactor.Redact(Tenant, messages).Value.Messages;

    public static string One(Redactor redactor, string text) =>
        Run(redactor, new TranscriptMessage(Customer, Channel.Webchat, text))[0].Text;

    public static TranscriptMessage C(string text) => new(Customer, Channel.Webchat, text);

    public static TranscriptMessage A(string text) => new(Agent, Channel.Webchat, text);

    private sealed class StaticMonitor(RedactionOptions value) : IOptionsMonitor<RedactionOptions>
    {
        public RedactionOptions CurrentValue => value;

        public RedactionOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RedactionOptions, string?> listener) => null;
    }
}
