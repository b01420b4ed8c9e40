using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Mentoring;

/// <summary>How the reader stands to a pair: one of the two, or a coordinator of the area who reads only.</summary>
internal enum PairReader
{
    Mentor,
    Mentee,
    Coordinator,
}

/// <summary>A mentoring pair as its reader may see it.</summary>
internal sealed record PairView(
    Guid AssignmentId, Guid MentorId, string MentorName, Guid MenteeId, string MenteeName, DateOnly StartsOn, DateOnly? EndsOn, bool Current,
    PairReader Reader, IReadOnlyList<GoalView> Goals, IReadOnlyList<PairMeeting> Meetings, ReviewState Review)
{
    public bool Changeable => Current && Reader != PairReader.Coordinator;

    /// <summary>The other one of the pair, as the reader names them.</summary>
    public string OtherName => Reader == PairReader.Mentor ? MenteeName : MentorName;
}

internal sealed record GoalView(
    Guid Id, string Text, DateOnly? TargetOn, GoalStatus Status, string ProposedByName, DateTimeOffset? ClosedAt, string? DropReason);

/// <summary>A mentoring meeting of the pair; its lighter log opens from the meeting once it has begun.</summary>
internal sealed record PairMeeting(Guid SessionId, DateTimeOffset StartsAt, int DurationMinutes, SessionStatus Status);

/// <summary>
/// Where the end review stands: whether it is due, who has submitted, and the texts, which are shown only once both
/// have submitted (until then each sees only their own).
/// </summary>
internal sealed record ReviewState(bool Due, bool MentorSubmitted, bool MenteeSubmitted, ReviewView? Mine, IReadOnlyList<ReviewView> Shown)
{
    public bool AwaitsMine(PairReader reader) => Due && reader != PairReader.Coordinator && Mine is null;
}

internal sealed record ReviewView(string AuthorName, bool ByMentor, string WentWell, string Next, int GoalsMet, DateTimeOffset SubmittedAt);

internal sealed class GoalInput
{
    public string? Text { get; set; }

    public DateOnly? TargetOn { get; set; }
}

internal sealed class ReviewInput
{
    public string? WentWell { get; set; }

    public string? Next { get; set; }

    public int? GoalsMet { get; set; }
}
