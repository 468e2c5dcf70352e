namespace RecruitOps.Operations;

/// <summary>The actions and decisions of the contract (shared/API.md).</summary>
public static class OperationActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string InterviewDecision = "interview_decision";
    public const string TrialBroadcastDecision = "trial_broadcast_decision";
    public const string GoLiveDecision = "go_live_decision";
    public const string Archived = "archived";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Created, Updated, InterviewDecision, TrialBroadcastDecision, GoLiveDecision, Archived,
    };

    public static readonly IReadOnlySet<string> Decisions = new HashSet<string>(StringComparer.Ordinal)
    {
        "pass", "fail", "pending",
    };

    public static bool RequiresDecision(string action) =>
        action is InterviewDecision or TrialBroadcastDecision or GoLiveDecision;
}
