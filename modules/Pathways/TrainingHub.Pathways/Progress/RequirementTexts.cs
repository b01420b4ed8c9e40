using Microsoft.Extensions.Localization;
using TrainingHub.Pathways.Requirements;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// A judged requirement in words, in the reader's language: what is met with its evidence, or what is missing. One
/// wording for the pathway pages and the API.
/// </summary>
internal static class RequirementTexts
{
    public static string Describe(RequirementResult result, ProgressView view, IStringLocalizer localizer) => result.Requirement switch
    {
        SignOff => localizer[result.Key, [localizer[$"Role:{result.Arguments[0]}"].Value, .. result.Arguments.Skip(1)]],
        PracticeHours { ActivityTypeId: { } type } => $"{localizer[result.Key, result.Arguments]} ({view.ActivityName(type)})",
        _ => localizer[result.Key, result.Arguments],
    };
}
