using System.Text.Json;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.CheckIns;

/// <summary>
/// One person's answers to one round and, once submitted, their scores. It names nobody: only the person's own
/// invitation leads to it, and only they see it. It is anonymous data, stricter than sensitive: its values are never
/// written anywhere else, and no audit row records who created, changed or deleted it, which would tie it to its author.
/// </summary>
[AnonymousData]
internal sealed class CheckInResponse : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RoundId { get; set; }

    /// <summary>The group the answers count in: the person's unit and position when the round opened.</summary>
    public Guid UnitId { get; set; }

    public Guid? PositionTypeId { get; set; }

    /// <summary>Item code → the position of the option chosen, as JSON.</summary>
    public string Answers { get; set; } = "{}";

    /// <summary>Scale code → score (absent where a scale has none), as JSON, once submitted.</summary>
    public string? Scores { get; set; }

    /// <summary>The day it was submitted; only the day, so the time cannot point to whoever was online then.</summary>
    public DateOnly? SubmittedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool Submitted => SubmittedOn is not null;

    public Dictionary<string, int> ReadAnswers() => JsonSerializer.Deserialize<Dictionary<string, int>>(Answers) ?? [];

    public Dictionary<string, decimal> ReadScores() => Scores is null ? [] : JsonSerializer.Deserialize<Dictionary<string, decimal>>(Scores) ?? [];

    /// <summary>
    /// Records an answer while the response is not yet submitted; an item or option the instrument lacks is refused, and
    /// so is an answer to a scale about work with clients from someone who does not work with clients.
    /// </summary>
    public Result Answer(InstrumentDefinition instrument, bool worksWithClients, string item, int? option)
    {
        if (Submitted)
        {
            return Error.Rule("CheckIns:Error:AlreadySubmitted");
        }
        var answers = ReadAnswers();
        if (option is { } chosen)
        {
            if (!worksWithClients && instrument.Scales.Any(s => s.ForClientWork && s.Items.Any(i => i.Code == item)))
            {
                return Error.Rule("CheckIns:Error:ClientScaleNotOffered");
            }
            if (InstrumentScoring.Check(instrument, new Dictionary<string, int> { [item] = chosen }) is { Count: > 0 } problems)
            {
                return Error.Validation(item, problems[0].Key, item);
            }
            answers[item] = chosen;
        }
        else
        {
            answers.Remove(item);
        }
        Answers = JsonSerializer.Serialize(answers);
        return Result.Success();
    }

    /// <summary>
    /// Scores the answers and locks them; a scale left unanswered (or skipped) simply has no score. Someone who does not
    /// work with clients gets no score for a scale about that work, and any answer to it is dropped.
    /// </summary>
    public Result<IReadOnlyList<ScaleScore>> Submit(InstrumentDefinition instrument, bool worksWithClients, DateOnly today)
    {
        if (Submitted)
        {
            return Error.Rule("CheckIns:Error:AlreadySubmitted");
        }
        var offered = instrument.OfferedTo(worksWithClients);
        var items = offered.Items.Select(i => i.Code).ToHashSet();
        var answers = ReadAnswers().Where(a => items.Contains(a.Key)).ToDictionary();
        var scores = InstrumentScoring.Score(offered, answers);
        if (scores.All(s => s.Score is null))
        {
            return Error.Rule("CheckIns:Error:NothingToScore");
        }
        Answers = JsonSerializer.Serialize(answers);
        Scores = JsonSerializer.Serialize(scores.Where(s => s.Score is not null).ToDictionary(s => s.Scale, s => s.Score!.Value));
        SubmittedOn = today;
        return Result<IReadOnlyList<ScaleScore>>.Success(scores);
    }
}
