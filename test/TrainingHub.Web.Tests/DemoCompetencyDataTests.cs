using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>The demo data gives a coordinator a gap view with something in it: profiles, people and their assessments.</summary>
public sealed class DemoCompetencyDataTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task The_coordinators_oblast_export_shows_demo_people_meeting_some_competencies_and_short_of_others()
    {
        Guid versionId;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext())
        {
            versionId = await (
                    from framework in db.Frameworks
                    join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                    where framework.NormalizedCode == "CP-INCL" && version.Status == FrameworkStatus.Published
                    select version.Id)
                .SingleAsync();
        }
        var oblast = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18000000000045390");
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, "coordinator@traininghub.example");

        var response = await client.GetAsync($"/competencies/gaps/export?version={versionId}&unit={oblast!.Id}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Unit;Code;Competency;Area;Required;Met;Percent, the oblast's own lines first.
        var oblastLines = lines.Skip(1).Select(l => l.Split(';')).Where(f => f[0] == "Житомирська область").ToList();
        Assert.NotEmpty(oblastLines);
        var required = oblastLines.Sum(f => int.Parse(f[4]));
        var met = oblastLines.Sum(f => int.Parse(f[5]));
        Assert.True(required >= 9 * 20, $"{required} requirements counted for the oblast's demo people");
        Assert.InRange(met, required / 3, required - 1);
    }
}
