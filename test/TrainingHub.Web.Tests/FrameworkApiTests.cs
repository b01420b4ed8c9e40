using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Data;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Competency frameworks over the API: a file checked, imported, exported; a bad one explained line by line.</summary>
public sealed class FrameworkApiTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Coordinator = "coordinator@traininghub.example";

    private const string BadFile =
        "Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy\n"
        + ",X,Рамка,,1,\"Ні,Так\",\"[{\"\"scaleid\"\":\"\"0\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":0},{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\",,,null,,,1,\n"
        + "NOPE,A.1,Компетентність,,1,,,,,null,,,,\n";

    [Fact]
    public async Task A_bad_file_is_refused_with_its_line_and_a_good_one_comes_back_out_as_it_went_in()
    {
        var client = await app.CreateApiClientAsync(Coordinator);

        var bad = await client.PostAsync("/api/v1/competency-frameworks/import?format=moodle", new StringContent(BadFile, Encoding.UTF8, "text/csv"));
        var badBody = await bad.Content.ReadAsStringAsync();
        var good = Encoding.UTF8.GetString(await client.GetByteArrayAsync(await DemoExportUrlAsync(client)));
        var renamed = good.Replace("CP-INCL", "CP-API");
        var check = await (await client.PostAsync("/api/v1/competency-frameworks/check", new StringContent(renamed, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonObject>();
        var imported = await (await client.PostAsync("/api/v1/competency-frameworks/import", new StringContent(renamed, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonObject>();
        var exported = await client.GetStringAsync($"/api/v1/competency-frameworks/{imported!["frameworkId"]}/versions/1/export");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Contains("line 3", badBody);
        Assert.Equal((true, 8), ((bool)check!["canImport"]!, (int)check["areaCount"]!));
        Assert.Equal(1, (int)imported["versionNumber"]!);
        Assert.Equal(renamed, exported);
    }

    private async Task<string> DemoExportUrlAsync(HttpClient client)
    {
        var empty = await client.PostAsync("/api/v1/competency-frameworks/check", new StringContent("", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var id = await db.Frameworks.Where(f => f.NormalizedCode == "CP-INCL").Select(f => f.Id).SingleAsync();
        return $"/api/v1/competency-frameworks/{id}/versions/1/export?format=moodle";
    }
}
