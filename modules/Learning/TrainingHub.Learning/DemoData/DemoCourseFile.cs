using System.Text.Json;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;

namespace TrainingHub.Learning.DemoData;

/// <summary>A pair of demo courses by the name of its files, and the competencies of the demo framework it maps to, by code, with a level rank.</summary>
internal sealed record DemoCoursePair(string Name, (string Code, int LevelRank)[] Competencies);

/// <summary>
/// One demo course in one language, as written in <c>DemoData/Courses/{name}-{uk|en}.json</c> (not <c>{name}.uk.json</c>, which the build would take for a satellite resource). A lesson's Markdown is
/// kept as a list of lines so that the files stay readable and their changes small.
/// </summary>
internal sealed record DemoCourseFile(string Title, string Summary, int DurationMinutes, List<DemoSection> Sections, DemoQuiz Quiz)
{
    public static DemoCourseFile Read(string name, CourseLanguage language)
    {
        var resource = $"TrainingHub.Learning.DemoData.Courses.{name}-{language.ToString().ToLowerInvariant()}.json";
        using var stream = typeof(DemoCourseFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The demo course {resource} is not embedded.");
        return JsonSerializer.Deserialize<DemoCourseFile>(stream, JsonColumns.Options)
            ?? throw new InvalidOperationException($"The demo course {resource} is empty.");
    }
}

internal sealed record DemoSection(string Title, List<DemoLesson> Lessons);

internal sealed record DemoLesson(string Title, List<string> Body);

/// <summary>The closing quiz, in a section of its own; every question is worth one point.</summary>
internal sealed record DemoQuiz(string Section, string Title, int PassMarkPercent, List<DemoQuestion> Questions);

/// <param name="Answer">For a true/false question, whether the statement is true.</param>
internal sealed record DemoQuestion(
    QuestionKind Kind, string Text, string? Feedback, List<DemoOption>? Options, bool? Answer, List<string>? AcceptedAnswers);

internal sealed record DemoOption(string Text, bool Correct, string? Feedback);
