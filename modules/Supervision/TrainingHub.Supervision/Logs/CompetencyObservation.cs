using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Supervision.Logs;

/// <summary>
/// A competency the leader saw the supervisee practise, recorded from the meeting's log as evidence of it. What was
/// observed is about the person's practice, so it is sensitive.
/// </summary>
[SensitiveData]
internal sealed class CompetencyObservation
{
    public const int MaxNoteLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid LogId { get; set; }

    public Guid CompetencyLineageId { get; set; }

    public string Note { get; set; } = "";

    public Guid ObserverId { get; set; }

    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>The leader records what they observed; it is evidence from then on, so it is never edited.</summary>
    public static Result<CompetencyObservation> Record(SessionLog log, Guid? competencyLineageId, string? note, Guid by, DateTimeOffset now)
    {
        if (!log.IsParty(by))
        {
            return Error.NotFound;
        }
        if (by != log.LeaderId)
        {
            return Error.Forbidden;
        }
        var errors = new List<FieldError>();
        if (competencyLineageId is null)
        {
            errors.Add(new(nameof(CompetencyLineageId), "Logs:Error:ChooseCompetency"));
        }
        var clean = LogRules.Clean(note);
        if (clean is null)
        {
            errors.Add(new(nameof(Note), "Logs:Error:ObservationRequired"));
        }
        else if (clean.Length > MaxNoteLength)
        {
            errors.Add(new(nameof(Note), "Logs:Error:TooLong", MaxNoteLength));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        return new CompetencyObservation { LogId = log.Id, CompetencyLineageId = competencyLineageId!.Value, Note = clean!, ObserverId = by, ObservedAt = now };
    }
}
