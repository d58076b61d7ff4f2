using NodaTime;

namespace ContactKit.Retention.Tests.Schedules;

/// <summary>The retention commitments of the reference notices, written as schedules in JSON.</summary>
internal static class NoticeSchedules
{
    public const string AllJson = """
        {
          "name": "Reference notices 000-004",
          "rules": [
            { "name": "recordings-six-months", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" },
            { "name": "transcripts-six-months", "recordClass": "transcript", "trigger": "interaction_ended", "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" },
            { "name": "case-records-six-years", "recordClass": "case_record", "trigger": "case_closed", "period": "P6Y", "action": "delete", "reason": "public_task", "source": "notice 001" },
            { "name": "customers-relationship-plus-six-years", "recordClass": "customer_account", "trigger": "relationship_ended", "period": "P6Y", "action": "delete", "reason": "contract", "source": "notice 002" },
            { "name": "enquirers-two-years", "recordClass": "enquiry", "trigger": "created", "period": "P2Y", "action": "delete", "reason": "legitimate_interests", "source": "notice 002" },
            { "name": "unsuccessful-applicants-six-months", "recordClass": "job_application", "trigger": "application_decided", "period": "P6M", "action": "delete", "reason": "legitimate_interests", "source": "notice 002" },
            { "name": "employees-six-years", "recordClass": "employee_file", "trigger": "employment_ended", "period": "P6Y", "action": "delete", "reason": "legal_obligation", "minimum": "P6Y", "source": "notice 002" },
            { "name": "as-long-as-needed-annual-review", "recordClass": "marketing_list_entry", "trigger": "created", "period": "P1Y", "action": "review", "reason": "consent", "source": "notice 003" }
          ]
        }
        """;

    public static readonly TenantId Tenant = TenantId.Parse("council");

    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static RetentionSchedule All => RetentionScheduleJson.ParseText(AllJson).Value;

    public static RetainedItem Item(RecordClass recordClass, Instant created, string id = "item-1") => new()
    {
        Tenant = Tenant,
        Id = RetainedItemId.Parse(id),
        RecordClass = recordClass,
        CreatedAt = created,
    };
}
