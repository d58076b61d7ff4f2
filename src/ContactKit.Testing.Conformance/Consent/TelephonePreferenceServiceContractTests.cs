using System.Diagnostics.CodeAnalysis;
using ContactKit.Consent;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="ITelephonePreferenceService"/> must show. Inherit it in a test project and return a
/// service whose registers hold exactly the given numbers from <see cref="CreateService"/>; xunit runs every test below
/// against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class TelephonePreferenceServiceContractTests
{
    private static readonly TelephoneNumber OnTps = TelephoneNumber.Parse("07700 900123");
    private static readonly TelephoneNumber OnCtps = TelephoneNumber.Parse("020 7946 0001");
    private static readonly TelephoneNumber OnBoth = TelephoneNumber.Parse("0161 496 0002");
    private static readonly TelephoneNumber OnNeither = TelephoneNumber.Parse("0113 496 0003");

    /// <summary>Creates a service whose registers hold exactly these numbers; every other number is on neither.</summary>
    /// <param name="registered">Each registered number and the registers it is on.</param>
    /// <returns>The service under test.</returns>
    protected abstract ITelephonePreferenceService CreateService(IReadOnlyDictionary<TelephoneNumber, TelephonePreferenceRegisters> registered);

    /// <summary>A registered number comes back with exactly the registers it is on: TPS, CTPS or both.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_RegisteredNumbers_ReturnExactlyTheirRegisters()
    {
        var service = CreateService(Registered());

        Assert.Equal(TelephonePreferenceRegisters.Tps, await service.LookUpAsync(OnTps));
        Assert.Equal(TelephonePreferenceRegisters.Ctps, await service.LookUpAsync(OnCtps));
        Assert.Equal(TelephonePreferenceRegisters.Tps | TelephonePreferenceRegisters.Ctps, await service.LookUpAsync(OnBoth));
    }

    /// <summary>A number on no register is reported as on neither, not refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_UnregisteredNumber_ReturnsNone()
    {
        var service = CreateService(Registered());

        Assert.Equal(TelephonePreferenceRegisters.None, await service.LookUpAsync(OnNeither));
    }

    /// <summary>With empty registers every number is on neither.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_EmptyRegisters_ReturnsNoneForEveryNumber()
    {
        var service = CreateService(new Dictionary<TelephoneNumber, TelephonePreferenceRegisters>());

        foreach (var number in new[] { OnTps, OnCtps, OnBoth, OnNeither })
        {
            Assert.Equal(TelephonePreferenceRegisters.None, await service.LookUpAsync(number));
        }
    }

    /// <summary>Looking a number up changes nothing: the same number gives the same answer every time, in any order.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_Repeated_GivesTheSameAnswer()
    {
        var service = CreateService(Registered());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TelephonePreferenceRegisters.None, await service.LookUpAsync(OnNeither));
            Assert.Equal(TelephonePreferenceRegisters.Tps | TelephonePreferenceRegisters.Ctps, await service.LookUpAsync(OnBoth));
            Assert.Equal(TelephonePreferenceRegisters.Tps, await service.LookUpAsync(OnTps));
        }
    }

    /// <summary>Look-ups from many threads at once give the same answers as one at a time.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_Concurrent_GivesTheSameAnswers()
    {
        var service = CreateService(Registered());

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            (i % 2 == 0 ? OnTps : OnNeither, await service.LookUpAsync(i % 2 == 0 ? OnTps : OnNeither)))));

        Assert.All(answers, a => Assert.Equal(a.Item1 == OnTps ? TelephonePreferenceRegisters.Tps : TelephonePreferenceRegisters.None, a.Item2));
    }

    /// <summary>A cancelled look-up throws rather than answering "on neither", which would let a screened number be called.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task LookUpAsync_Cancelled_ThrowsRatherThanAnsweringNone()
    {
        var service = CreateService(Registered());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await service.LookUpAsync(OnTps, cancelled.Token));
    }

    private static Dictionary<TelephoneNumber, TelephonePreferenceRegisters> Registered() => new()
    {
        [OnTps] = TelephonePreferenceRegisters.Tps,
        [OnCtps] = TelephonePreferenceRegisters.Ctps,
        [OnBoth] = TelephonePreferenceRegisters.Tps | TelephonePreferenceRegisters.Ctps,
    };
}
