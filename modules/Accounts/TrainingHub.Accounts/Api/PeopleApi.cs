using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Api;

namespace TrainingHub.Accounts.Api;

/// <summary>A person in a list.</summary>
internal sealed record PersonListItem(Guid Id, string FullName, string Email, string? Position, string? HomeUnit, bool IsActive);

/// <summary>A unit a person belongs to, by id and name in the reader's language.</summary>
internal sealed record UnitReference(Guid Id, string Name);

/// <summary>A role a person holds, at a unit or (without one) everywhere.</summary>
internal sealed record PersonRole(string Role, string? Unit);

/// <summary>A person's profile.</summary>
internal sealed record PersonResponse(
    Guid Id, string FullName, string? FullNameLatin, string Email, string? Phone, string? Position, UnitReference? HomeUnit,
    DateOnly? StartDate, string PreferredCulture, bool IsActive, IReadOnlyList<PersonRole> Roles);

/// <summary>The people endpoints: the same list and profiles as the People pages, within the reader's area.</summary>
internal static class PeopleApi
{
    public static void MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        var people = endpoints.MapApi("People").RequireAuthorization(AccountPermissions.PeopleView);
        people.MapGet("/people", SearchAsync)
            .WithName("ListPeople")
            .WithSummary("People in your area")
            .WithDescription("Active people whose home unit lies in your area, by name. `search` matches the name in either script or the e-mail address; `unitId` includes everything under the unit.")
            .Produces<ApiPage<PersonListItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        people.MapGet("/people/{id:guid}", GetAsync)
            .WithName("GetPerson")
            .WithSummary("A person's profile")
            .Produces<PersonResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SearchAsync(
        string? search, Guid? positionId, Guid? unitId, bool? includeInactive, [AsParameters] ApiPageQuery paging,
        PeopleDirectory directory, IStringLocalizer<AccountsResource> localizer, CancellationToken cancellationToken)
    {
        if (!paging.ToPageRequest().TryGetValue(out var page, out var error))
        {
            return error.ToProblem(localizer);
        }
        var result = await directory.SearchAsync(new PeopleQuery(search, positionId, unitId, includeInactive ?? false), page, cancellationToken);
        return result.ToHttpResult(localizer,
            found => ApiPage<PersonListItem>.From(found, page, p => new PersonListItem(p.Id, p.FullName, p.Email, p.Position, p.HomeUnit, p.IsActive)));
    }

    private static async Task<IResult> GetAsync(Guid id, PeopleDirectory directory, IStringLocalizer<AccountsResource> localizer, CancellationToken cancellationToken) =>
        (await directory.GetAsync(id, cancellationToken)).ToHttpResult(localizer,
            p => new PersonResponse(
                p.Id, p.FullName, p.FullNameLatin, p.Email, p.Phone, p.Position,
                p.HomeUnit is { } unit ? new UnitReference(unit.Id, unit.DisplayName) : null,
                p.StartDate, p.PreferredCulture, p.IsActive, p.Roles.Select(r => new PersonRole(r.Role, r.Unit)).ToList()));
}
