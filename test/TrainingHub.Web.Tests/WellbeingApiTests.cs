using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Trying the burnout inventory through the API, as the README documents it, storing nothing.</summary>
public sealed class WellbeingApiTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string ScoreUrl = "/api/v1/wellbeing/instruments/cbi/score";

    [Fact]
    public async Task An_administrator_scores_answers_by_item_code_and_option_position_and_reads_why_a_scale_has_no_score()
    {
        var admin = await app.CreateApiClientAsync("admin@traininghub.example");
        var answers = new Dictionary<string, int>
        {
            ["personal.1"] = 0, ["personal.2"] = 1, ["personal.3"] = 2, ["personal.4"] = 3, ["personal.5"] = 4, ["personal.6"] = 2,
            ["work.1"] = 1, ["work.2"] = 1, ["work.3"] = 1, ["work.7"] = 0,
            ["client.1"] = 0,
        };

        var response = await admin.PostAsJsonAsync(ScoreUrl, new { answers });
        var scales = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(s => s!.AsObject()).ToDictionary(s => (string)s["scale"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((50m, true, 6), ((decimal)scales["personal"]["score"]!, (bool)scales["personal"]["high"]!, (int)scales["personal"]["answered"]!));
        // Three items at 75 and the reversed one "always" (0): 225 / 4.
        Assert.Equal(56.3m, (decimal)scales["work"]["score"]!);
        Assert.Null(scales["client"]["score"]);
        Assert.Equal(("TooFewAnswers", 3), ((string)scales["client"]["reason"]!, (int)scales["client"]["minAnswers"]!));
    }

    [Fact]
    public async Task Answers_the_instrument_does_not_have_are_refused_by_name_and_learners_may_not_try_instruments()
    {
        var admin = await app.CreateApiClientAsync("admin@traininghub.example");
        var learner = await app.CreateApiClientAsync("learner@traininghub.example");

        var wrong = await admin.PostAsJsonAsync(ScoreUrl, new { answers = new Dictionary<string, int> { ["personal.1"] = 7, ["work.8"] = 0 } });
        var problem = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!;
        var unknownInstrument = await admin.PostAsJsonAsync("/api/v1/wellbeing/instruments/mbi/score", new { answers = new Dictionary<string, int>() });
        var refused = await learner.PostAsJsonAsync(ScoreUrl, new { answers = new Dictionary<string, int>() });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["personal.1", "work.8"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknownInstrument.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
