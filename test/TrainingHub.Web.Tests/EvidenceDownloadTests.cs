using TrainingHub.SharedKernel.Files;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>An evidence file over HTTP: the person and their assessors download it; anyone else cannot tell it exists.</summary>
public sealed class EvidenceDownloadTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Learner = "learner@traininghub.example";

    [Fact]
    public async Task The_person_downloads_their_file_as_an_attachment_that_is_never_sniffed_or_run()
    {
        var pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
        var id = await DemoEvidence.AddFileAsync(app, Learner, pdf, "сертифікат.pdf");
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, Learner);

        var response = await client.GetAsync($"/competencies/evidence/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "сертифікат.pdf"), (response.Content.Headers.ContentDisposition!.DispositionType, response.Content.Headers.ContentDisposition.FileNameStar));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Another_learner_gets_404_an_assessor_in_scope_the_file_and_an_anonymous_visitor_the_sign_in_page()
    {
        var id = await DemoEvidence.AddFileAsync(app, Learner, "%PDF-1.7\n%%EOF\n"u8.ToArray(), "certificate.pdf");
        var colleague = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(colleague, "h.bondarenko@traininghub.example");
        var supervisor = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(supervisor, "supervisor@traininghub.example");

        var byColleague = await colleague.GetAsync($"/competencies/evidence/{id}/file");
        var unknown = await colleague.GetAsync($"/competencies/evidence/{Guid.NewGuid()}/file");
        var bySupervisor = await supervisor.GetAsync($"/competencies/evidence/{id}/file");
        var anonymous = await app.CreateBrowserLikeClient().GetAsync($"/competencies/evidence/{id}/file");

        Assert.Equal(HttpStatusCode.NotFound, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("%PDF", await byColleague.Content.ReadAsStringAsync());
        Assert.Equal(unknown.Content.Headers.ContentType?.MediaType, byColleague.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Prior learning of a demo person with a file, written straight to the database as the person's upload would leave it.</summary>
internal static class DemoEvidence
{
    public static async Task<Guid> AddFileAsync(TrainingHubApp app, string email, byte[] content, string fileName)
    {
        using var scope = app.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var file = DocumentFiles.Check(content, fileName).Value;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var node = await db.Nodes.OrderBy(n => n.Code).FirstAsync(n => n.Kind == NodeKind.Competency);
        var evidence = new Evidence
        {
            PersonId = person!.Id, LineageId = node.LineageId, NodeId = node.Id, Kind = EvidenceKind.PriorLearning, Title = "Сертифікат",
            FileName = file.FileName, ContentType = file.ContentType, FileSize = content.Length, RecordedById = person.Id, RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Evidence.Add(evidence);
        db.EvidenceFiles.Add(new EvidenceFile { EvidenceId = evidence.Id, Content = content });
        await db.SaveChangesAsync();
        return evidence.Id;
    }
}
