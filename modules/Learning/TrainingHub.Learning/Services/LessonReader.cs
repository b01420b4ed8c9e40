using TrainingHub.Learning.Content;
using TrainingHub.Learning.Domain;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Services;

/// <summary>A lesson as a learner reads it: its text made safe, its video player, and the lessons before and after it.</summary>
internal sealed class LessonReader(CourseCatalogue catalogue, CourseOutline outline, LessonProgress progress)
{
    public async Task<Result<LessonReading>> ReadAsync(Guid courseId, Guid lessonId, CancellationToken cancellationToken = default)
    {
        var course = await catalogue.GetAsync(courseId, cancellationToken);
        if (course.Failed(out var error))
        {
            return error;
        }
        var ordered = course.Value.LessonsInOrder.ToList();
        var index = ordered.FindIndex(l => l.Id == lessonId);
        if (index < 0)
        {
            return Error.NotFound;
        }
        if (!await progress.MayOpenAsync(courseId, index > 0 ? ordered[index - 1].Id : null, ordered[index].RequiresPrevious, course.Value.CanEdit, cancellationToken))
        {
            return Error.Rule("Error:PreviousLessonFirst");
        }
        var lesson = await outline.GetLessonAsync(lessonId, cancellationToken);
        if (!lesson.TryGetValue(out var details, out error))
        {
            return error;
        }
        return new LessonReading(
            courseId, course.Value.Title, course.Value.Status, course.Value.Sections.Single(s => s.Id == details.SectionId).Title,
            lessonId, details.Title, details.Kind,
            details.Kind == LessonKind.Markdown ? LessonMarkdown.ToSafeHtml(details.Body) : "",
            details.VideoUrl, details.Kind == LessonKind.ExternalVideo ? VideoLinks.EmbedUrl(details.VideoUrl) : null,
            details.RequiresPrevious, index + 1, ordered.Count,
            index > 0 ? ordered[index - 1].Id : null,
            index < ordered.Count - 1 ? ordered[index + 1].Id : null,
            course.Value.CanEdit);
    }
}
