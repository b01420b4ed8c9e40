namespace TrainingHub.Wellbeing.Instruments;

/// <summary>Why a scale has no score.</summary>
internal enum NoScoreReason
{
    /// <summary>Fewer items answered than the scale's minimum.</summary>
    TooFewAnswers,

    /// <summary>The scale was not offered (work with clients, for someone whose position has none) or the person skipped it.</summary>
    NotAnswered,
}

/// <summary>A scale's score (0–100) from <see cref="Answered"/> items, or why there is none.</summary>
internal sealed record ScaleScore(string Scale, decimal? Score, int Answered, int MinAnswers, bool High, NoScoreReason? Reason);

/// <summary>An answer that cannot be scored: an item the instrument does not have, or an option it does not list.</summary>
internal sealed record AnswerProblem(string Item, string Key);

/// <summary>
/// Scores answers the way the instrument says: each answer is the position of its option (0 for the first); its points
/// are that option's, or for a reversed item those of the option at the mirrored position; a scale's score is the mean
/// points of its answered items, rounded to one decimal, and none when fewer than the scale's minimum are answered.
/// There is no total across scales.
/// </summary>
internal static class InstrumentScoring
{
    public static IReadOnlyList<AnswerProblem> Check(InstrumentDefinition instrument, IReadOnlyDictionary<string, int> answers)
    {
        var items = instrument.Items.ToDictionary(i => i.Code);
        return [.. answers.Select(a => items.TryGetValue(a.Key, out var item)
                ? a.Value < 0 || a.Value >= instrument.OptionsOf(item).Count ? new AnswerProblem(a.Key, "Instruments:Error:UnknownOption") : null
                : new AnswerProblem(a.Key, "Instruments:Error:UnknownItem"))
            .OfType<AnswerProblem>()];
    }

    /// <summary>Points of one answer, after any reversal.</summary>
    public static int Points(InstrumentDefinition instrument, InstrumentItem item, int option)
    {
        var options = instrument.OptionsOf(item);
        return options[item.Reversed ? options.Count - 1 - option : option].Points;
    }

    /// <summary>Every scale's score; answers must have passed <see cref="Check"/>.</summary>
    public static IReadOnlyList<ScaleScore> Score(InstrumentDefinition instrument, IReadOnlyDictionary<string, int> answers) =>
        [.. instrument.Scales.Select(scale =>
        {
            var points = scale.Items.Where(i => answers.ContainsKey(i.Code)).Select(i => Points(instrument, i, answers[i.Code])).ToList();
            if (points.Count == 0 || points.Count < scale.MinAnswers)
            {
                return new ScaleScore(scale.Code, null, points.Count, scale.MinAnswers, false,
                    points.Count == 0 ? NoScoreReason.NotAnswered : NoScoreReason.TooFewAnswers);
            }
            var score = Math.Round((decimal)points.Sum() / points.Count, 1, MidpointRounding.AwayFromZero);
            return new ScaleScore(scale.Code, score, points.Count, scale.MinAnswers, score >= instrument.HighFrom, null);
        })];
}
