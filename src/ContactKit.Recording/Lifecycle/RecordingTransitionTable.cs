using System.Collections.Immutable;

namespace ContactKit.Recording;

/// <summary>One row of the transition table: in state <paramref name="From"/>, an event of kind <paramref name="On"/> may lead to <paramref name="To"/>.</summary>
/// <param name="From">The state before the event.</param>
/// <param name="On">The kind of event.</param>
/// <param name="To">A state the event may lead to; where several rows share a state and kind, the session's facts choose.</param>
public readonly record struct RecordingTransition(RecordingState From, RecordingEventKind On, RecordingState To);

/// <summary>
/// The recording lifecycle as data: every allowed (state, event, next state). <see cref="RecordingLifecycle"/> refuses
/// any event whose (state, kind) has no row, and <see cref="RecordingDiagram"/> draws the same rows.
/// </summary>
public static class RecordingTransitionTable
{
    private static readonly uint[] AllowedKinds;

    static RecordingTransitionTable()
    {
        var live = new[] { RecordingState.NotCapturing, RecordingState.Capturing, RecordingState.Paused, RecordingState.Stopped };
        var rows = ImmutableArray.CreateBuilder<RecordingTransition>();
        void Add(RecordingState from, RecordingEventKind on, params RecordingState[] to)
        {
            foreach (var target in to)
            {
                rows.Add(new RecordingTransition(from, on, target));
            }
        }

        foreach (var state in live)
        {
            // Parties come, go, are told and answer in every live state. While capture runs, someone arriving who lacks a
            // notice or consent pauses it; while it is paused, a notice, a consent or a departure may let it resume.
            RecordingState[] same = [state];
            RecordingState[] mayPause = state == RecordingState.Capturing ? [state, RecordingState.Paused] : same;
            RecordingState[] mayResume = state == RecordingState.Paused ? [state, RecordingState.Capturing] : same;
            RecordingState[] either = state == RecordingState.Capturing ? mayPause : mayResume;
            Add(state, RecordingEventKind.NoticeGiven, mayResume);
            Add(state, RecordingEventKind.ConsentGiven, mayResume);
            Add(state, RecordingEventKind.PartyJoined, mayPause);
            Add(state, RecordingEventKind.PartyLeft, mayResume);
            Add(state, RecordingEventKind.Transferred, either);
            Add(state, RecordingEventKind.HandedToPerson, mayPause);
            Add(state, RecordingEventKind.StopRequested, RecordingState.Stopped);
            Add(state, RecordingEventKind.ConsentRefused, RecordingState.Stopped);

            // A pause for a secure payment or a hold may open in every live state, and closes only when asked to.
            Add(state, RecordingEventKind.CapturePaused, state == RecordingState.Capturing ? RecordingState.Paused : state);
            if (state != RecordingState.Capturing)
            {
                Add(state, RecordingEventKind.CaptureResumed, mayResume);
            }

            Add(state, RecordingEventKind.CardDataSeen, state);
        }

        Add(RecordingState.NotCapturing, RecordingEventKind.CaptureStarted, RecordingState.Capturing, RecordingState.Paused);
        Add(RecordingState.NotCapturing, RecordingEventKind.InteractionEnded, RecordingState.Absent);
        Add(RecordingState.Capturing, RecordingEventKind.InteractionEnded, RecordingState.Processing);
        Add(RecordingState.Paused, RecordingEventKind.InteractionEnded, RecordingState.Processing, RecordingState.Absent);
        Add(RecordingState.Stopped, RecordingEventKind.InteractionEnded, RecordingState.Processing, RecordingState.Absent);
        Add(RecordingState.Processing, RecordingEventKind.MediaStored, RecordingState.Available);
        Add(RecordingState.Processing, RecordingEventKind.TranscriptStored, RecordingState.Available);
        Add(RecordingState.Processing, RecordingEventKind.MediaFailed, RecordingState.Failed);
        Add(RecordingState.Available, RecordingEventKind.MediaStored, RecordingState.Available);
        Add(RecordingState.Available, RecordingEventKind.TranscriptStored, RecordingState.Available);
        Add(RecordingState.Processing, RecordingEventKind.CardDataSeen, RecordingState.Processing);
        Add(RecordingState.Available, RecordingEventKind.CardDataSeen, RecordingState.Available);

        foreach (var state in new[] { RecordingState.Available, RecordingState.Absent, RecordingState.Failed })
        {
            Add(state, RecordingEventKind.DeletionRequested, RecordingState.DeletionRequested);
            Add(RecordingState.DeletionRequested, RecordingEventKind.DeletionRefused, state);
        }

        Add(RecordingState.DeletionRequested, RecordingEventKind.DeletionAuthorised, RecordingState.DeletionAuthorised);
        Add(RecordingState.DeletionAuthorised, RecordingEventKind.Disposed, RecordingState.Deleted);

        Transitions = rows.ToImmutable();
        AllowedKinds = new uint[(int)RecordingState.Deleted + 1];
        foreach (var row in Transitions)
        {
            AllowedKinds[(int)row.From] |= 1u << (int)row.On;
        }
    }

    /// <summary>The state every session starts in, on <see cref="RecordingEventKind.InteractionStarted"/>.</summary>
    public static RecordingState Initial => RecordingState.NotCapturing;

    /// <summary>Every allowed transition, grouped by the state it leaves.</summary>
    public static ImmutableArray<RecordingTransition> Transitions { get; }

    /// <summary>Whether an event of <paramref name="kind"/> is allowed at all in <paramref name="state"/>.</summary>
    /// <param name="state">The session's state.</param>
    /// <param name="kind">The event's kind.</param>
    /// <returns><see langword="true"/> when the table has a row for them.</returns>
    public static bool IsAllowed(RecordingState state, RecordingEventKind kind) =>
        (uint)state < (uint)AllowedKinds.Length && (AllowedKinds[(int)state] & (1u << (int)kind)) != 0;

    /// <summary>Whether the table holds the transition.</summary>
    /// <param name="transition">The transition.</param>
    /// <returns><see langword="true"/> when it is a row of the table.</returns>
    public static bool Contains(RecordingTransition transition) => Transitions.Contains(transition);
}
