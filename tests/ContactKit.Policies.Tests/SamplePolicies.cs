namespace ContactKit.Policies.Tests;

/// <summary>Small policies built for the tests.</summary>
internal static class SamplePolicies
{
    public const string MinimalJson = """
    {
      "tenant": "example-council",
      "title": "Contact centre privacy notice",
      "controller": { "name": "Example Council", "email": "privacy@example.gov.uk",
                      "dpo": { "name": "Data Protection Officer", "email": "dpo@example.gov.uk" } },
      "channels": ["voice_call", "webchat"],
      "categories": [
        { "category": "contact.phone", "purposes": ["service_delivery"], "lawful_basis": "public_task" }
      ],
      "retention": [
        { "record_class": "case_record", "trigger": "case_closed", "period": "P6Y" }
      ]
    }
    """;

    public static PolicyDocument Minimal() => PolicyLoader.Load(MinimalJson).Document!;

    /// <summary>A council contact centre's policy that states every item of Art 13 and 14: it lints clean.</summary>
    public const string CouncilJson = """
    {
      "tenant": "example-council",
      "title": "Contact centre privacy notice",
      "effective_from": "2026-04-01",
      "controller": { "name": "Example Council", "address": "Town Hall, High Street, Exampleton EX1 1AA",
                      "email": "privacy@example.gov.uk", "phone": "01632 960000",
                      "dpo": { "name": "Jo Bloggs", "email": "dpo@example.gov.uk" } },
      "roles": [ { "role": "controller", "scope": "council services" } ],
      "channels": ["voice_call", "webchat"],
      "data_subjects": [ { "kind": "resident" }, { "kind": "representative", "description": "people who contact us for a resident" } ],
      "categories": [
        { "category": "contact.phone", "purposes": ["service_delivery"], "lawful_basis": "public_task",
          "requirement": { "required": true, "consequence": "we cannot call you back" } },
        { "category": "media.call_recording", "purposes": ["quality_monitoring", "training"], "lawful_basis": "public_task",
          "requirement": { "required": false } },
        { "category": "special.health", "purposes": ["safeguarding"], "lawful_basis": "public_task",
          "special_category_condition": "substantial_public_interest", "requirement": { "required": false },
          "source": "a representative acting for you" },
        { "category": "marketing.preference", "purposes": ["marketing"], "lawful_basis": "consent",
          "requirement": { "required": false } }
      ],
      "derived_data": [ { "name": "sentiment", "derived_from": ["media.call_recording"], "record_class": "call_recording" } ],
      "automated_decisions": { "used": false },
      "processors": [ { "name": "ChatCo", "service": "webchat", "receives": ["contact.phone"] } ],
      "recording": { "plan": "always", "channels": ["voice_call"], "purposes": ["quality_monitoring", "training"],
                     "secure_pause_for_payments": true, "how_told": ["spoken_announcement"],
                     "delete_on_request_within": "P28D", "copy_on_request": true },
      "retention": [
        { "record_class": "call_recording", "trigger": "interaction_ended", "period": "P6M" },
        { "record_class": "case_record", "trigger": "case_closed", "period": "P6Y", "reason": "legal_obligation" }
      ],
      "marketing": { "channels": [ { "channel": "email", "opt_in": true } ], "opt_out": [ { "route": "unsubscribe_link" } ] },
      "sharing": { "internal": [ { "name": "Housing", "why": "to deal with repairs" } ] },
      "rights": { "rights": [ { "right": "access" }, { "right": "rectification" }, { "right": "erasure" }, { "right": "restriction" },
                              { "right": "objection" } ],
                  "respond_within": "P1M", "withdraw_consent": "reply STOP or tell any member of staff" },
      "changes": { "notice_period": "P30D", "how": "on our website" },
      "complaints": { "regulator": "the Information Commissioner's Office", "website": "https://ico.org.uk/", "contact_us_first": true }
    }
    """;

    public static PolicyDocument Council() => PolicyLoader.Load(CouncilJson) is { IsLoaded: true } loaded
        ? loaded.Document!
        : throw new InvalidOperationException(string.Join("; ", PolicyLoader.Load(CouncilJson).Errors));
}
