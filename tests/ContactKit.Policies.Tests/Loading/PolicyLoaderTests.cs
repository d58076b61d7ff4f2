using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Policies.Tests.Loading;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void Load_MinimalPolicy_Loads()
    {
        var loaded = PolicyLoader.Load(SamplePolicies.MinimalJson);
        Assert.True(loaded.IsLoaded, string.Join("; ", loaded.Errors));
        Assert.Equal("example-council", loaded.Document!.Tenant);
        Assert.Equal(LawfulBasis.PublicTask, loaded.Document.Categories[0].LawfulBasis);
        Assert.Equal(NodaTime.Period.FromYears(6), loaded.Document.Retention[0].Period);
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryOneWithItsJsonPath()
    {
        const string json = """
        {
          "title": "",
          "controller": { "name": "Example Council" },
          "categories": [
            { "category": "contact.fax", "purposes": ["Bad Purpose"] },
            { "category": "contact.phone" }
          ],
          "retention": [ { "record_class": "Call Recording", "trigger": "When Ever", "period": "P0D" } ]
        }
        """;

        var loaded = PolicyLoader.Load(json);

        Assert.False(loaded.IsLoaded);
        Assert.Null(loaded.Document);
        var found = loaded.Errors.Select(e => (e.Code, e.Field)).ToHashSet();
        Assert.Contains((PoliciesErrorCodes.Missing, "$.tenant"), found);
        Assert.Contains((PoliciesErrorCodes.Missing, "$.title"), found);
        Assert.Contains((PoliciesErrorCodes.Missing, "$.controller.email"), found);
        Assert.Contains((PoliciesErrorCodes.InvalidValue, "$.categories[0].category"), found);
        Assert.Contains((PoliciesErrorCodes.InvalidValue, "$.categories[0].purposes[0]"), found);
        Assert.Contains((PoliciesErrorCodes.InvalidValue, "$.retention[0].record_class"), found);
        Assert.Contains((PoliciesErrorCodes.InvalidValue, "$.retention[0].trigger"), found);
        Assert.Contains((PoliciesErrorCodes.InvalidValue, "$.retention[0].period"), found);
    }

    [Fact]
    public void Load_ValuesInMessages_AreNeverEchoed()
    {
        // A category key that looks like personal data must not appear in the message a log would keep.
        const string json = """
        { "tenant": "t", "title": "T", "controller": { "name": "C", "email": "jane.doe@example.com", "dpo": {} },
          "categories": [ { "category": "jane.doe.07700900123", "purposes": ["service_delivery"], "lawful_basis": "consent" } ] }
        """;

        var loaded = PolicyLoader.Load(json);

        Assert.NotEmpty(loaded.Errors);
        Assert.All(loaded.Errors, e => Assert.DoesNotContain("07700900123", e.Message, StringComparison.Ordinal));
        Assert.Contains(loaded.Errors, e => e.Field == "$.controller.dpo");
    }

    [Fact]
    public void Load_UnknownProperty_IsRefusedWithItsPath()
    {
        var loaded = PolicyLoader.Load("""{ "tenant": "t", "controler": {} }""");
        var error = Assert.Single(loaded.Errors);
        Assert.Equal(PoliciesErrorCodes.InvalidJson, error.Code);
        Assert.Equal("$.controler", error.Field);
    }

    [Theory]
    [InlineData("""{ "channels": ["fax"] }""", "$.channels[0]")] // an enum value that does not exist
    [InlineData("""{ "retention": [ { "period": "six months" } ] }""", "$.retention[0].period")] // a period in words
    [InlineData("""[1, 2]""", "$")] // not an object
    [InlineData("""{ "title": """, "$.title")] // cut short
    public void Load_WrongShape_IsRefusedWithThePlace(string json, string path)
    {
        var error = Assert.Single(PolicyLoader.Load(json).Errors);
        Assert.Equal(PoliciesErrorCodes.InvalidJson, error.Code);
        Assert.Equal(path, error.Field);
    }

    [Fact]
    public void Load_LegitimateInterestsAndSpecialCategory_Load()
    {
        var policy = SamplePolicies.Minimal() with
        {
            Categories = [new CategoryEntry
            {
                Category = "identifier.national_insurance_number", Purposes = ["legal_obligation"],
                LawfulBasis = LawfulBasis.LegalObligation, SpecialCategoryCondition = SpecialCategoryCondition.EmploymentSocialSecurityAndSocialProtection,
            }],
        };
        Assert.Empty(PolicyLoader.Validate(policy));
    }

    [Fact]
    public async Task LoadAsync_ReadsAStream()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SamplePolicies.MinimalJson));
        var loaded = await PolicyLoader.LoadAsync(stream, CancellationToken.None);
        Assert.True(loaded.IsLoaded);
    }
}

public sealed class PolicyAnnouncementTests
{
    [Theory]
    [InlineData("")] // empty: the host would have nothing to say when a call is answered
    [InlineData("   ")] // spaces only: as empty when spoken
    [InlineData(@"\n\t")] // line breaks and tabs only, written as JSON escapes
    public void Load_EmptyAnnouncement_IsRefusedWithItsPathBeforeAnyHostStarts(string announcement)
    {
        var json = SamplePolicies.CouncilJson.Replace("\"copy_on_request\": true }", $"\"copy_on_request\": true, \"announcement\": \"{announcement}\" }}", StringComparison.Ordinal);

        var loaded = PolicyLoader.Load(json);

        var error = Assert.Single(loaded.Errors);
        Assert.Equal((PoliciesErrorCodes.Missing, "$.recording.announcement"), (error.Code, error.Field));
        Assert.False(loaded.IsLoaded);
    }

    [Fact]
    public void AddPolicy_EmptyAnnouncementInADocumentBuiltInCode_IsRefusedWithTheSameCodeAndPath()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Recording = council.Recording! with { Announcement = " " } };

        var thrown = Assert.Throws<ContactKitException>(() => new ServiceCollection().AddContactKit().AddPolicy(policy));

        Assert.Equal((PoliciesErrorCodes.Missing, "$.recording.announcement"), (thrown.Error.Code, thrown.Error.Field));
    }

    [Fact]
    public void Load_AnnouncementWithWords_Loads()
    {
        var json = SamplePolicies.CouncilJson.Replace("\"copy_on_request\": true }", "\"copy_on_request\": true, \"announcement\": \"Calls are recorded.\" }", StringComparison.Ordinal);

        Assert.True(PolicyLoader.Load(json).IsLoaded);
    }
}

public sealed class PolicyRoleChannelsTests
{
    [Fact]
    public void Validate_RoleChannelThePolicyDoesNotHandleOrThatTwoRolesName_IsALoadErrorAtTheChannel()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            Roles =
            [
                // webchat is handled; email is not among the council's channels
                new RoleStatement { Role = ProcessingRole.Processor, Scope = "chats run for partners", Channels = [Channel.Webchat, Channel.Email] },
                // webchat again: a channel's interactions belong to one role
                new RoleStatement { Role = ProcessingRole.Controller, Scope = "council services", Channels = [Channel.VoiceCall, Channel.Webchat] },
            ],
        };

        var errors = PolicyLoader.Validate(policy);

        Assert.Equal(
            [(PoliciesErrorCodes.InvalidValue, "$.roles[0].channels[1]"), (PoliciesErrorCodes.Duplicate, "$.roles[1].channels[1]")],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void AddPolicy_ProcessorChannelsSetInCodeThatDiffer_StopsStartUpNamingTheSetting()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Roles = [new RoleStatement { Role = ProcessingRole.Processor, Scope = "chats run for partners", Channels = [Channel.Webchat] }] };
        var services = new ServiceCollection();
        services.AddContactKit().AddInteractions(o => o.Tenants["example-council"] = new ContactKit.Interactions.InteractionsTenantOptions { ProcessorChannels = { Channel.VoiceCall } }).AddPolicy(policy);
        using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContactKit.Interactions.InteractionsOptions>>().Value);

        Assert.Equal((PoliciesErrorCodes.HostContradictsPolicy, "Interactions:Tenants:example-council:ProcessorChannels"), (thrown.Error.Code, thrown.Error.Field));
    }
}

public sealed class PolicyRightsDeadlineTests
{
    private static PolicyDocument Promising(NodaTime.Period? within, int? workingDays = null)
    {
        var council = SamplePolicies.Council();
        return council with { Rights = council.Rights! with { RespondWithin = within, RespondWithinWorkingDays = workingDays } };
    }

    [Theory]
    [InlineData("P1M")] // the statutory month itself
    [InlineData("P21D")] // three weeks, shorter than any month
    [InlineData("P4W")] // 28 days: no month is shorter
    public void Validate_PromiseNoLongerThanTheStatutoryMonth_IsAccepted(string within)
    {
        Assert.Empty(PolicyLoader.Validate(Promising(NodaTime.Text.PeriodPattern.Roundtrip.Parse(within).Value)));
    }

    [Theory]
    [InlineData("P2M")] // twice the law's month
    [InlineData("P30D")] // longer than a month beginning in February
    [InlineData("P1M1D")] // a month and a day
    [InlineData("P1Y")] // a year
    public void Validate_PromiseLongerThanTheStatutoryMonth_IsALoadErrorNamingTheField(string within)
    {
        var error = Assert.Single(PolicyLoader.Validate(Promising(NodaTime.Text.PeriodPattern.Roundtrip.Parse(within).Value)));

        Assert.Equal((PoliciesErrorCodes.InvalidValue, "$.rights.respond_within"), (error.Code, error.Field));
        Assert.Contains("statutory month", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)] // 21 working days can be longer than a month with bank holidays in it
    [InlineData(0)] // no period at all
    public void Validate_WorkingDaysOutsideOneToTwenty_IsALoadError(int days)
    {
        var error = Assert.Single(PolicyLoader.Validate(Promising(null, days)));

        Assert.Equal((PoliciesErrorCodes.InvalidValue, "$.rights.respond_within_working_days"), (error.Code, error.Field));
    }

    [Fact]
    public void Validate_BothCalendarAndWorkingDays_IsALoadError()
    {
        var error = Assert.Single(PolicyLoader.Validate(Promising(NodaTime.Period.FromDays(21), 15)));

        Assert.Equal("$.rights.respond_within_working_days", error.Field);
    }

    [Fact]
    public void Load_WorkingDaysPromise_IsReadAndRenderedInTheNotice()
    {
        var json = SamplePolicies.MinimalJson.TrimEnd().TrimEnd('}') + """, "rights": { "rights": [ { "right": "access" } ], "respond_within_working_days": 20 } }""";

        var loaded = PolicyLoader.Load(json);

        Assert.True(loaded.IsLoaded, string.Join("; ", loaded.Errors));
        Assert.Equal(20, loaded.Document!.Rights!.RespondWithinWorkingDays);
        Assert.Contains("we answer within 20 working days", NoticeRenderer.Render(loaded.Document, NoticeFormat.PlainText), StringComparison.Ordinal);
    }
}
