using Microsoft.Extensions.Localization;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Search;

namespace TrainingHub.Learning.Search;

/// <summary>
/// Courses for the quick search: those the course list would show the reader (published ones a learner may open, and for
/// authors every course of their units), by title or summary, newest change first.
/// </summary>
internal sealed class CourseSearchSource(CourseCatalogue catalogue, IStringLocalizer<LearningResource> L) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        if (QuickSearch.Term(text) is not { } term
            || !(await catalogue.SearchAsync(term, null, null, new PageRequest(0, max), cancellationToken)).TryGetValue(out var found, out _))
        {
            return [];
        }
        // Authors also find drafts and archived courses; the status tells them apart from what learners see.
        return found.Items.Select(c => new SearchHit(L["Search:Course"], c.Title,
                c.Status == CourseStatus.Published ? c.UnitName : $"{L[$"Status:{c.Status}"]} · {c.UnitName}",
                $"learning/courses/{c.Id}"))
            .ToList();
    }
}
