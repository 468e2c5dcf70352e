namespace RecruitOps.Operations;

public enum RecordOutcome
{
    /// <summary>Stored now: answer 201 and publish.</summary>
    Created,

    /// <summary>The same operationId and content were stored before: answer 200 with that operation, publish nothing.</summary>
    AlreadyRecorded,

    /// <summary>The operationId was used before for different content: answer 409.</summary>
    Conflict,
}

public sealed record RecordResult(RecordOutcome Outcome, Operation? Operation);
