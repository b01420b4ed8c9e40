using Microsoft.Extensions.Localization;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Search;

namespace TrainingHub.Accounts.Search;

/// <summary>People for the quick search: those the People page would show the reader, by name (either script) or e-mail.</summary>
internal sealed class PeopleSearchSource(PeopleDirectory people, IStringLocalizer<AccountsResource> L) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        if (QuickSearch.Term(text) is not { } term)
        {
            return [];
        }
        var found = await people.FindAsync(term, max, cancellationToken);
        return found.Select(p => new SearchHit(L["Search:Person"], p.FullName, p.HomeUnit ?? p.Email, $"people/{p.Id}")).ToList();
    }
}
