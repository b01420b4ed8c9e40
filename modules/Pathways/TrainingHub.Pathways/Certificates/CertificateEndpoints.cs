using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Export;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// A certificate's PDF for those who may see it, and the Open Badges documents for anyone (limited per client
/// address like the verification page, and answering only for numbers, stages and units that were issued).
/// </summary>
internal static class CertificateEndpoints
{
    private const string BadgeType = "application/ld+json";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pathways/certificates/{id:guid}/pdf",
                async (Guid id, CertificateRegister register, CancellationToken cancellationToken) => Spreadsheets.ToDownload(await register.PdfAsync(id, cancellationToken)))
            .RequireAuthorization();
        var badges = endpoints.MapGroup("/badges").AllowAnonymous().RequireRateLimiting(RateLimits.Verification);
        badges.MapGet("/assertions/{number}", async (string number, OpenBadges badges, CancellationToken cancellationToken) =>
            await badges.AssertionAsync(number, cancellationToken) switch
            {
                null => Results.NotFound(),
                ({ } document, true) => Results.Text(document.ToJsonString(), BadgeType, statusCode: StatusCodes.Status410Gone),
                ({ } document, false) => Results.Text(document.ToJsonString(), BadgeType),
            });
        badges.MapGet("/classes/{template}/{stage:int}", async (string template, int stage, OpenBadges badges, CancellationToken cancellationToken) =>
            await badges.BadgeClassAsync(template, stage, cancellationToken) is { } document ? Results.Text(document.ToJsonString(), BadgeType) : Results.NotFound());
        badges.MapGet("/classes/{template}/{stage:int}/image.svg", (int stage) => Results.Text(OpenBadges.Image(stage), "image/svg+xml"));
        badges.MapGet("/issuers/{unitId:guid}", async (Guid unitId, OpenBadges badges, CancellationToken cancellationToken) =>
            await badges.IssuerAsync(unitId, cancellationToken) is { } document ? Results.Text(document.ToJsonString(), BadgeType) : Results.NotFound());
    }
}
