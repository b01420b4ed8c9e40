using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Api;

namespace TrainingHub.Organisations.Api;

/// <summary>A unit in a list.</summary>
internal sealed record UnitListItem(Guid Id, string Name, string? NameEn, UnitType Type, Guid? ParentId, string? KatottgCode);

/// <summary>
/// A unit with its facts. <see cref="Version"/> changes on every save; send it back with a change so that a change made
/// meanwhile by someone else is not overwritten.
/// </summary>
internal sealed record UnitResponse(
    Guid Id, string Name, string? NameEn, UnitType Type, OrganisationKind? Kind, Guid? ParentId, string? KatottgCode,
    int? Population, int? ChildPopulation, int ChildCount, Guid Version, bool CanEdit);

/// <summary>New values for a unit's fields; type and parent stay as they are. <see cref="Version"/> is the version the change starts from.</summary>
internal sealed record UnitChange(
    string Name, string? NameEn, OrganisationKind? Kind, string? KatottgCode, int? Population, int? ChildPopulation, Guid Version);

/// <summary>The organisation units endpoints: the same tree, scope and rules as the Organisations pages.</summary>
internal static class UnitsApi
{
    public static void MapUnitsApi(this IEndpointRouteBuilder endpoints)
    {
        var units = endpoints.MapApi("Organisation units");
        units.MapGet("/units", SearchAsync)
            .RequireAuthorization(OrganisationPermissions.UnitsView)
            .WithName("ListUnits")
            .WithSummary("Units in your area")
            .WithDescription("Oblasts, hromadas and organisations you may see, by level and name. `search` matches either name or the KATOTTG code.")
            .Produces<ApiPage<UnitListItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapGet("/units/{id:guid}", GetAsync)
            .RequireAuthorization(OrganisationPermissions.UnitsView)
            .WithName("GetUnit")
            .WithSummary("A unit")
            .Produces<UnitResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPut("/units/{id:guid}", UpdateAsync)
            .RequireAuthorization(OrganisationPermissions.UnitsEdit)
            .WithName("UpdateUnit")
            .WithSummary("Change a unit")
            .WithDescription("Replaces the unit's fields. Answers 409 when the unit changed since `version`: read it again and reapply the change.")
            .Produces<UnitResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SearchAsync(
        string? search, UnitType? type, [AsParameters] ApiPageQuery paging,
        OrganisationTree tree, IStringLocalizer<OrganisationsResource> localizer, CancellationToken cancellationToken)
    {
        if (!paging.ToPageRequest().TryGetValue(out var page, out var error))
        {
            return error.ToProblem(localizer);
        }
        return (await tree.SearchAsync(search, type, page, cancellationToken)).ToHttpResult(localizer,
            found => ApiPage<UnitListItem>.From(found, page, u => new UnitListItem(u.Id, u.Name, u.NameEn, u.Type, u.ParentId, u.KatottgCode)));
    }

    private static async Task<IResult> GetAsync(Guid id, OrganisationTree tree, IStringLocalizer<OrganisationsResource> localizer, CancellationToken cancellationToken) =>
        (await tree.GetAsync(id, cancellationToken)).ToHttpResult(localizer, ToResponse);

    private static async Task<IResult> UpdateAsync(
        Guid id, UnitChange change, OrganisationTree tree, IStringLocalizer<OrganisationsResource> localizer, CancellationToken cancellationToken)
    {
        var input = new UnitInput
        {
            Name = change.Name ?? "", NameEn = change.NameEn, Kind = change.Kind, KatottgCode = change.KatottgCode,
            Population = change.Population, ChildPopulation = change.ChildPopulation,
        };
        var updated = await tree.UpdateAsync(id, input, change.Version, cancellationToken);
        if (updated.Failed(out var error))
        {
            return error.ToProblem(localizer);
        }
        return (await tree.GetAsync(id, cancellationToken)).ToHttpResult(localizer, ToResponse);
    }

    private static UnitResponse ToResponse(UnitDetails d) => new(
        d.Unit.Id, d.Unit.Name, d.Unit.NameEn, d.Unit.Type, d.Kind, d.Unit.ParentId, d.Unit.KatottgCode,
        d.Population, d.ChildPopulation, d.ChildCount, d.Version, d.CanEdit);
}
