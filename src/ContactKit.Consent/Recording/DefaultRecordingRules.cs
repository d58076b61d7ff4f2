using NodaTime;

namespace ContactKit.Consent.Recording;

/// <summary>The recording rules ContactKit ships. See <c>docs/consent.md</c> for the sources and their limits.</summary>
internal static class DefaultRecordingRules
{
    /// <summary>The date the rules below were last reviewed.</summary>
    public static readonly LocalDate AsOf = new(2026, 11, 1);

    private const string UkSource = "Investigatory Powers (Interception by Businesses etc. for Monitoring and Record-keeping Purposes) Regulations 2018 (SI 2018/356); UK GDPR Art 13";
    private const string EuSource = "Directive 2002/58/EC Art 5(2); GDPR Art 13";

    // EU member states other than Germany, whose rule is listed separately.
    private const string EuNoticeStates = "AT BE BG HR CY CZ DK EE FI FR GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";

    // US states whose wiretap laws need every party's consent, with the statute.
    private static readonly (string State, string Source)[] AllPartyStates =
    [
        ("CA", "Cal. Penal Code s 632"),
        ("CT", "Conn. Gen. Stat. s 52-570d"),
        ("FL", "Fla. Stat. s 934.03"),
        ("IL", "720 ILCS 5/14-2"),
        ("MD", "Md. Code, Cts. & Jud. Proc. s 10-402"),
        ("MA", "Mass. Gen. Laws ch. 272 s 99"),
        ("MT", "Mont. Code Ann. s 45-8-213"),
        ("NV", "Nev. Rev. Stat. s 200.620"),
        ("NH", "N.H. Rev. Stat. s 570-A:2"),
        ("PA", "18 Pa. Cons. Stat. s 5703"),
        ("WA", "Wash. Rev. Code s 9.73.030"),
    ];

    public static RecordingRuleSet Create()
    {
        var rules = new List<RecordingRule>
        {
            new(Jurisdiction.UnitedKingdom, RecordingRequirement.Notice, "business recording lawful when callers are told", UkSource),
            new(Jurisdiction.Parse("DE"), RecordingRequirement.ExplicitConsent, "recording the spoken word needs the speaker's consent", "StGB s 201; GDPR Art 6(1)(a)"),
            new(Jurisdiction.Parse("US"), RecordingRequirement.None, "one-party consent: the business's own consent suffices", "18 U.S.C. s 2511(2)(d)"),
        };
        rules.AddRange(EuNoticeStates.Split(' ').Select(code =>
            new RecordingRule(Jurisdiction.Parse(code), RecordingRequirement.Notice, "recording for business purposes with every party informed", EuSource)));
        rules.AddRange(AllPartyStates.Select(s =>
            new RecordingRule(Jurisdiction.Parse($"US-{s.State}"), RecordingRequirement.ExplicitConsent, "all-party consent", s.Source)));
        return new RecordingRuleSet(AsOf, rules);
    }
}
