using Bunit;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Pathways.Home;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Home;

/// <summary>The learner's own pathway on the home page, in English: where they are, how far, and what is still missing.</summary>
public sealed class MyPathwayPartTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PathwayScenario.StartAsync(server);

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    [Fact]
    public async Task The_learner_sees_her_stage_how_much_of_the_next_is_met_and_a_link_for_each_thing_missing()
    {
        var learner = await _scenario.PersonAsync("learner@traininghub.example");
        _scenario.Others.Records[learner] = new SupervisionRecord([new ApprovedHours(OtherModules.DirectWork, 12.5m)], 1, null);
        _scenario.Others.Level(learner, "CP.1.1", 1);
        _scenario.AsOwner(learner);
        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };

        var part = pages.Render<MyPathwayPart>();

        part.WaitForAssertion(() => Assert.Contains("You are at 1. Volunteer", part.Find("#home-my-pathway-stage").TextContent));
        // Time in the stage and the competency are met; the hours and the supervisor's sign-off are not.
        Assert.Contains("2 of 4 things the stage “Trained volunteer” asks for are met", part.Find("#home-my-pathway-figure").TextContent);
        Assert.Equal("50", part.Find("#home-my-pathway-progress [aria-valuenow]").GetAttribute("aria-valuenow"));
        var missing = part.FindAll("#home-my-pathway-missing .th-missing");
        Assert.Equal(["PracticeHours", "SignOff"], missing.Select(m => m.GetAttribute("data-kind")));
        Assert.Contains("12.5 approved practice hours of 20: 7.5 to go", missing[0].TextContent);
        Assert.Equal("/supervision/hours", missing[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(missing[1].QuerySelector("a"));
        Assert.Equal("/pathways/my", part.Find("#home-my-pathway-all").GetAttribute("href"));
    }

    [Fact]
    public async Task Once_everything_is_met_he_is_told_so_and_offered_to_ask_to_move_on()
    {
        await _scenario.SignOffAsync();
        _scenario.AsVasyl();
        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };

        var part = pages.Render<MyPathwayPart>();

        part.WaitForAssertion(() => Assert.Contains("Everything this stage asks for is met.", part.Find("#home-my-pathway-ready").TextContent));
        Assert.Equal("/pathways/my", part.Find("#home-my-pathway-ask").GetAttribute("href"));
        Assert.Empty(part.FindAll("#home-my-pathway-missing"));
    }

    [Fact]
    public async Task Someone_not_on_a_pathway_is_told_so_and_pointed_to_their_development_record()
    {
        _scenario.AsOwner(await _scenario.PersonAsync("supervisor@traininghub.example"));
        await using var pages = new PageRenderer(_scenario.Host) { Culture = Cultures.English };

        var part = pages.Render<MyPathwayPart>();

        part.WaitForAssertion(() => Assert.Contains("You are not on a pathway yet", part.Find("#home-my-pathway-none").TextContent));
        Assert.Equal("/pathways/development", part.Find("#home-my-pathway-none a").GetAttribute("href"));
        Assert.Empty(part.FindAll("#home-my-pathway-progress"));
    }
}
