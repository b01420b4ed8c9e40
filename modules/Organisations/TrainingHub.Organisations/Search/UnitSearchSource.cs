using Microsoft.Extensions.Localization;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Search;

namespace TrainingHub.Organisations.Search;

/// <summary>Units for the quick search: those the organisation tree shows the reader, by name (either language) or KATOTTG code.</summary>
internal sealed class UnitSearchSource(OrganisationTree tree, IStringLocalizer<OrganisationsResource> L) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        if (QuickSearch.Term(text) is not { } term
            || !(await tree.SearchAsync(term, null, new PageRequest(0, max), cancellationToken)).TryGetValue(out var found, out _))
        {
            return [];
        }
        return found.Items.Select(u => new SearchHit(L["Search:Unit"], u.DisplayName, L[$"UnitType:{u.Type}"], $"organisations/{u.Id}")).ToList();
    }
}
