using NodaTime;

namespace ContactKit.Consent;

/// <summary>The recording rules ContactKit ships. See <c>docs/consent.md</c> for the sources and their limits.</summary>
internal static class DefaultRecordingRules
{
    /// <summary>The date the rules below were last reviewed.</summary>
    public static readonly LocalDate AsOf = new(2026, 11, 1);

    private const string UkSource = "Investigatory Powers (Interception by Businesses etc. for Monitoring and Record-keeping Purposes) Regulations 2018 (SI 2018/356); UK GDPR Art 13";
    private const string EuSource = "Directive 2002/58/EC Art 5(2); GDPR Art 13";

    // EU member states other than Germany, whose rule is listed separately.
    private const string EuNoticeStates = "AT BE BG HR CY CZ DK EE FI FR GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";

    // US states whose wiretap laws need every party's consent, with the statute, and the reason where the reading is not plain.
    private static readonly (string State, string Source, string? Reason)[] AllPartyStates =
    [
        ("CA", "Cal. Penal Code s 632", null),
        ("CT", "Conn. Gen. Stat. s 52-570d", null),
        ("DE", "11 Del. C. s 1335(a)(4)", DelawareReason),
        ("FL", "Fla. Stat. s 934.03", null),
        ("IL", "720 ILCS 5/14-2", null),
        ("MD", "Md. Code, Cts. & Jud. Proc. s 10-402", null),
        ("MA", "Mass. Gen. Laws ch. 272 s 99", null),
        ("MT", "Mont. Code Ann. s 45-8-213", null),
        ("NV", "Nev. Rev. Stat. s 200.620", null),
        ("NH", "N.H. Rev. Stat. s 570-A:2", null),
        ("PA", "18 Pa. Cons. Stat. s 5703", null),
        ("WA", "Wash. Rev. Code s 9.73.030", null),
    ];

    // Delaware's wiretap act (11 Del. C. s 2402(c)(4)) allows one-party consent, but its privacy statute makes it an offence
    // to record a private conversation without the consent of every party (11 Del. C. s 1335(a)(4)). The sources disagree,
    // so the suite takes the stricter reading, as it does wherever sources disagree.
    private const string DelawareReason =
        "sources disagree: 11 Del. C. s 2402(c)(4) allows one-party consent, s 1335(a)(4) needs every party's; the conservative all-party reading is taken";

    public static RecordingRuleSet Create()
    {
        var rules = new List<RecordingRule>
        {
            new(Jurisdiction.UnitedKingdom, CaptureRequirement.Notice, "business recording lawful when callers are told", UkSource),
            new(Jurisdiction.Parse("DE"), CaptureRequirement.ExplicitConsent, "recording the spoken word needs the speaker's consent", "StGB s 201; GDPR Art 6(1)(a)"),
            new(Jurisdiction.Parse("US"), CaptureRequirement.None, "one-party consent: the business's own consent suffices", "18 U.S.C. s 2511(2)(d)"),
        };
        rules.AddRange(EuNoticeStates.Split(' ').Select(code =>
            new RecordingRule(Jurisdiction.Parse(code), CaptureRequirement.Notice, "recording for business purposes with every party informed", EuSource)));
        rules.AddRange(AllPartyStates.Select(s =>
            new RecordingRule(Jurisdiction.Parse($"US-{s.State}"), CaptureRequirement.ExplicitConsent, "all-party consent", s.Source) { Reason = s.Reason }));
        return new RecordingRuleSet(AsOf, rules);
    }
}
