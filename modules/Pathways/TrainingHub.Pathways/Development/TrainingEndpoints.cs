using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TrainingHub.Pathways.Development;

/// <summary>An external training's certificate, for its person and those who may see their pathway (the service decides).</summary>
internal static class TrainingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pathways/development/trainings/{id:guid}/file",
                async Task<IResult> (Guid id, HttpContext context, ExternalTrainings trainings, CancellationToken cancellationToken) =>
                {
                    if (!(await trainings.OpenFileAsync(id, cancellationToken)).TryGetValue(out var file, out _))
                    {
                        return TypedResults.NotFound();
                    }
                    // An uploaded file is shown as what its content is, and never runs in the app's origin.
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.ContentSecurityPolicy = "sandbox";
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                })
            .RequireAuthorization();
    }
}
