using ContactKit.Calendars;
using ContactKit.Tests.Shared;
using ContactKit.Testing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Requests;

/// <summary>A tenant whose notice promises to answer sooner than the statutory month gets that due date on its requests.</summary>
public class RightsResponsePromiseTests
{
    private static RightsRequestWorkflow Promising(int days, bool workingDays = false)
    {
        var options = new DataSubjectsOptions();
        options.TenantResponsePromises[Council.Value] = new RightsResponsePromise { Days = days, WorkingDays = workingDays };
        return new RightsRequestWorkflow(new UkTenantCalendars(UkDivision.EnglandAndWales), Options.Create(options));
    }

    private static RightsRequest Receive(RightsRequestWorkflow workflow, LocalDate on, TenantId? tenant = null) =>
        workflow.Receive(tenant ?? Council, RightsRequestId.New(), Caller, DataSubjectRight.Access, ByEmail, Officer, At(on), on).Value;

    private static RightsRequest Apply(RightsRequestWorkflow workflow, RightsRequest request, RightsRequestCommand command)
    {
        var result = workflow.Apply(request, command);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    [Fact]
    public void Receive_TenantPromising21Days_DueThreeWeeksLaterNotAMonth()
    {
        var request = Receive(Promising(21), Monday2March);

        Assert.Equal(new LocalDate(2026, 3, 23), request.DueOn);
        // The extension notice is still due by the end of the first month, as the law allows.
        Assert.Equal(new LocalDate(2026, 4, 2), request.ExtensionNoticeDueOn);
    }

    [Fact]
    public void Receive_TenantPromising20WorkingDays_CountsWorkingDaysOnItsCalendar()
    {
        // From Tuesday 3 March 2026: 20 working days end on Tuesday 31 March; the statutory month would end on
        // Friday 3 April (Good Friday), moved to Tuesday 7 April.
        var request = Receive(Promising(20, workingDays: true), new LocalDate(2026, 3, 3));

        Assert.Equal(new LocalDate(2026, 3, 31), request.DueOn);
    }

    [Fact]
    public void Receive_PromiseEndingOnASaturday_IsDueOnTheNextWorkingDay()
    {
        var request = Receive(Promising(19), Monday2March);

        Assert.Equal(new LocalDate(2026, 3, 23), request.DueOn);
    }

    [Fact]
    public void Receive_OtherTenant_GetsTheStatutoryMonth()
    {
        var request = Receive(Promising(21), Monday2March, TenantId.Parse("other-tenant"));

        Assert.Equal(new LocalDate(2026, 4, 2), request.DueOn);
    }

    [Fact]
    public void ReceiveClarification_WaitInsideThePromise_MovesItLaterByTheDaysWaited()
    {
        var workflow = Promising(21);
        var request = Receive(workflow, Monday2March);
        var asked = Apply(workflow, request, RightsRequestCommand.AskClarification(Officer, At(new LocalDate(2026, 3, 4)), new LocalDate(2026, 3, 4), "which calls?"));
        var answered = Apply(workflow, asked, RightsRequestCommand.ReceiveClarification(Officer, At(new LocalDate(2026, 3, 9)), new LocalDate(2026, 3, 9)));

        // 4 to 9 March do not count: six days, so 23 March becomes Sunday 29 March, moved to Monday 30 March.
        Assert.Equal(new LocalDate(2026, 3, 30), answered.DueOn);
    }

    [Fact]
    public void Extend_TenantPromising21Days_TheExtensionFollowsTheLaw()
    {
        var workflow = Promising(21);
        var started = Apply(workflow, Receive(workflow, Monday2March), RightsRequestCommand.Start(Officer, At(Monday2March), Monday2March));
        var on = new LocalDate(2026, 3, 20);

        var extended = Apply(workflow, started, RightsRequestCommand.Extend(Officer, At(on), on, "the request is complex"));

        // Three months from the relevant time, as for any tenant.
        Assert.Equal(new LocalDate(2026, 6, 2), extended.DueOn);
    }

    [Fact]
    public void AddDataSubjects_PromiseInOptions_TheRegisteredWorkflowAndServiceUseIt()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddDataSubjects(o => o.TenantResponsePromises[Council.Value] = new RightsResponsePromise { Days = 21 }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var request = Receive(provider.GetRequiredService<RightsRequestWorkflow>(), Monday2March);

        Assert.Equal(new LocalDate(2026, 3, 23), request.DueOn);
    }

    [Fact]
    public void BindConfiguration_TenantResponsePromises_BindsDaysAndWorkingDays()
    {
        var options = AppSettings.Bind<DataSubjectsOptions>("""
            { "ContactKit": { "DataSubjects": { "TenantResponsePromises": { "council": { "Days": 20, "WorkingDays": true }, "bureau": { "Days": 21 } } } } }
            """, ck => ck.AddDataSubjects().UseInMemoryStores());

        Assert.Equal((20, true), (options.ResponsePromiseFor(Council)!.Days, options.ResponsePromiseFor(Council)!.WorkingDays));
        Assert.Equal((21, false), (options.ResponsePromiseFor(TenantId.Parse("bureau"))!.Days, options.ResponsePromiseFor(TenantId.Parse("bureau"))!.WorkingDays));
        Assert.Null(options.ResponsePromiseFor(TenantId.Parse("other")));
    }

    [Theory]
    [InlineData(29, false)] // 29 calendar days can be longer than a month beginning in February
    [InlineData(21, true)] // 21 working days can be longer than a month with bank holidays in it
    [InlineData(0, false)] // a promise to answer the same day is no period at all
    public void StartupValidation_PromiseThatCouldBeLongerThanTheStatutoryMonth_FailsNamingTheTenant(int days, bool workingDays)
    {
        var failures = AppSettings.StartupFailures(
            $$"""{ "ContactKit": { "DataSubjects": { "TenantResponsePromises": { "council": { "Days": {{days}}, "WorkingDays": {{(workingDays ? "true" : "false")}} } } } } }""",
            ck => ck.AddDataSubjects().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("TenantResponsePromises['council']", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RandomSequencesWithAPromise_NeverDueAfterTheStatutoryDateAndNeverEarlierThanBefore()
    {
        var promises = Gen.Select(Gen.Int[1, RightsResponsePromise.MaxDays], Gen.Bool)
            .Where(p => !p.Item2 || p.Item1 <= RightsResponsePromise.MaxWorkingDays);
        var sequences = Gen.Select(promises, Gen.Int[0, 3 * 365].Select(d => new LocalDate(2025, 1, 1).PlusDays(d)), Gen.Select(Gen.Enum<RightsRequestAction>().Where(a => a != RightsRequestAction.Receive), Gen.Int[0, 12]).Array[1, 12]);
        sequences.Sample(t =>
        {
            var workflow = Promising(t.Item1.Item1, t.Item1.Item2);
            var promised = Receive(workflow, t.Item2);
            var statutory = Receive(Workflow, t.Item2);
            Assert.InRange(promised.DueOn, t.Item2.PlusDays(1), statutory.DueOn);
            var on = t.Item2;
            foreach (var (action, days) in t.Item3)
            {
                on = on.PlusDays(days);
                var command = RightsRequestWorkflowPropertyTests.Command(action, on);
                var next = workflow.Apply(promised, command);
                var law = Workflow.Apply(statutory, command);
                Assert.Equal(law.IsSuccess, next.IsSuccess);
                if (next.IsFailure)
                {
                    continue;
                }

                // The promise only ever brings the due date forward, and a due date never moves earlier.
                Assert.True(next.Value.DueOn <= law.Value.DueOn, $"{next.Value.DueOn} after the statutory {law.Value.DueOn}");
                Assert.True(next.Value.DueOn >= promised.DueOn);
                Assert.Equal(law.Value.ExtensionNoticeDueOn, next.Value.ExtensionNoticeDueOn);
                promised = next.Value;
                statutory = law.Value;
            }
        }, iter: 5_000);
    }
}
