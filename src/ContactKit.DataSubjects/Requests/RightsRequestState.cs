namespace ContactKit.DataSubjects;

/// <summary>Where a rights request is in its workflow.</summary>
public enum RightsRequestState
{
    /// <summary>Logged; nothing done yet.</summary>
    Received = 1,

    /// <summary>Waiting for, or checking, proof of the requester's identity; the time limit runs from the day the proof asked for arrives, if later than receipt.</summary>
    VerifyingIdentity = 2,

    /// <summary>A subject access request whose scope was unclear; the clock stops until the requester answers.</summary>
    AwaitingClarification = 3,

    /// <summary>Being carried out.</summary>
    InProgress = 4,

    /// <summary>Being carried out under an extension of up to two further months, with the requester told why.</summary>
    Extended = 5,

    /// <summary>Answered. Final: a completed request never reopens; a new request is logged instead.</summary>
    Completed = 6,

    /// <summary>Refused, with the legal reason given to the requester. Final.</summary>
    Refused = 7,

    /// <summary>Withdrawn by the requester. Final.</summary>
    Withdrawn = 8,
}

/// <summary>What can be done to a rights request.</summary>
public enum RightsRequestAction
{
    /// <summary>Start checking the requester's identity.</summary>
    BeginIdentityCheck = 1,

    /// <summary>Record that the requester's identity is confirmed. The time limit does not move: it runs from the day the identity information arrived (<see cref="ReceiveIdentityInformation"/>).</summary>
    ConfirmIdentity = 2,

    /// <summary>Ask the requester to clarify a subject access request; the clock stops.</summary>
    AskClarification = 3,

    /// <summary>Record the requester's clarification; the clock restarts.</summary>
    ReceiveClarification = 4,

    /// <summary>Start carrying the request out.</summary>
    Start = 5,

    /// <summary>Extend the time limit, with reasons, telling the requester within the first month.</summary>
    Extend = 6,

    /// <summary>Record that an erasure request has been authorised; deletion is scheduled from this day.</summary>
    AuthoriseErasure = 7,

    /// <summary>Record the answer; the request is final.</summary>
    Complete = 8,

    /// <summary>Refuse with the legal reason; the request is final.</summary>
    Refuse = 9,

    /// <summary>The requester withdrew; the request is final.</summary>
    Withdraw = 10,

    /// <summary>The request was logged (the first event of every request).</summary>
    Receive = 11,

    /// <summary>Record that the identity information asked for arrived (UK GDPR Art 12A(2)(b)); the time limit runs from this day if it is the latest of the three.</summary>
    ReceiveIdentityInformation = 12,

    /// <summary>Record that the fee asked for was paid (UK GDPR Art 12A(2)(c)); the time limit runs from this day if it is the latest of the three.</summary>
    ReceiveFee = 13,
}
