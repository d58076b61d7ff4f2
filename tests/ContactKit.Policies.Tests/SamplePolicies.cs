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
}
