using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Requirements;
using TrainingHub.Pathways.Templates;
using TrainingHub.Pathways.Tests.Progress;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using CourseCompleted = TrainingHub.Pathways.Requirements.CourseCompleted;

namespace TrainingHub.Pathways.Tests.Templates;

/// <summary>
/// Editing pathway templates on both databases: the rules of codes, names, stages and requirement trees; a template in
/// use keeps everyone on their stage; stale versions and those without the permission change nothing. On the demo
/// pathway the learner is on stage 1, Vasyl on stage 2 and Halyna Bondarenko on stage 3; stages 4 and 5 are free.
/// </summary>
public abstract class TemplateEditingTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly CourseReference Offered = new(Guid.NewGuid(), "Ведення випадку", null, 90, false);
    private static readonly CourseReference Archived = new(Guid.NewGuid(), "Старий курс", null, 60, true);

    private PathwayScenario _scenario = null!;

    private ModuleTestHost Host => _scenario.Host;

    private TemplateEditing Editing => Host.Get<TemplateEditing>();

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        _scenario.Others.Courses.AddRange([Offered, Archived]);
        AsEditor();
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsEditor() =>
        Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null), new PermissionGrant(PathwaysPermissions.TemplatesEdit, null));

    private async Task<TemplateView> ReadAsync(string code = PathwayScenario.Pathway) => (await Host.Get<PathwayTemplates>().GetAsync(code)).Value;

    private static StageInput Stage(string uk, string en, string? position = null, int? months = null) =>
        new() { NameUk = uk, NameEn = en, PositionTypeCode = position, CertificateValidMonths = months };

    private static string[] Keys(Result result) => result.Error!.Fields.Select(f => $"{f.Field} {f.Key.Split(':')[^1]}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The English name of the stage each person is on, with the stage their sign-offs are towards.</summary>
    private async Task<Dictionary<Guid, string>> WhereEveryoneIsAsync()
    {
        var view = await ReadAsync();
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        var placements = await db.Placements.AsNoTracking().Include(p => p.SignOffs).ToListAsync();
        return placements.ToDictionary(
            p => p.PersonId,
            p => string.Join(" → ", p.SignOffs.Select(s => s.Stage).Prepend(p.Stage).Select(n => view.Stages.Single(s => s.Position == n).NameEn)));
    }

    [Fact]
    public async Task A_new_pathway_needs_a_free_lowercase_code_and_both_names_and_is_renamed_only_as_read()
    {
        var invalid = new[] { "", "Social Worker", "-start", "a--b", "ends-", "шлях", new string('a', PathwayTemplate.MaxCodeLength + 1) };

        var refused = await Task.WhenAll(invalid.Select(code => Editing.CreateAsync(new TemplateInput { Code = code, NameUk = "Шлях", NameEn = "Path" })));
        var nameless = await Editing.CreateAsync(new TemplateInput { Code = "mentor-path", NameUk = " ", NameEn = new string('x', 201) });
        var created = await Editing.CreateAsync(new TemplateInput { Code = " mentor-path-2 ", NameUk = "Шлях наставника", NameEn = "Mentor's path" });
        var taken = await Editing.CreateAsync(new TemplateInput { Code = PathwayScenario.Pathway, NameUk = "Ще один", NameEn = "Another" });
        var read = await ReadAsync("mentor-path-2");
        var renamed = await Editing.RenameAsync(read.Id, read.Version, new TemplateInput { NameUk = "Шлях наставниці", NameEn = "A mentor's path" });
        var stale = await Editing.RenameAsync(read.Id, read.Version, new TemplateInput { NameUk = "Інше", NameEn = "Other" });

        Assert.All(refused, r => Assert.Equal(nameof(TemplateInput.Code), Assert.Single(r.Error!.Fields).Field));
        Assert.Equal(["CodeRequired", "CodeFormat", "CodeFormat", "CodeFormat", "CodeFormat", "CodeFormat", "TooLong"], refused.Select(r => r.Error!.Fields[0].Key.Split(':')[^1]));
        Assert.Equal(["NameEn TooLong", "NameUk NameRequired"], Keys(nameless));
        Assert.Equal("mentor-path-2", created.Value);
        Assert.Equal(["Code CodeTaken"], Keys(taken));
        Assert.Empty(read.Stages);
        Assert.True(renamed.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(("Шлях наставниці", "A mentor's path"), ((await ReadAsync("mentor-path-2")).NameUk, (await ReadAsync("mentor-path-2")).NameEn));
    }

    [Fact]
    public async Task Stages_are_added_at_the_end_or_a_place_edited_moved_and_removed_with_their_values_checked()
    {
        await Editing.CreateAsync(new TemplateInput { Code = "short", NameUk = "Короткий", NameEn = "Short" });
        async Task<Result> Change(Func<TemplateView, Task<Result>> change) => await change(await ReadAsync("short"));

        await Change(t => Editing.AddStageAsync(t.Id, t.Version, Stage("Другий", "Second", "social-assistant", 24), null));
        await Change(t => Editing.AddStageAsync(t.Id, t.Version, Stage("Третій", "Third"), null));
        await Change(t => Editing.AddStageAsync(t.Id, t.Version, Stage("Перший", "First", "volunteer"), 1));
        var badValues = await Change(t => Editing.AddStageAsync(t.Id, t.Version, Stage("", "Fourth", "astronaut", 121), null));
        var badPlace = await Change(t => Editing.AddStageAsync(t.Id, t.Version, Stage("Четвертий", "Fourth"), 5));
        var noExpiryBelowOne = await Change(t => Editing.EditStageAsync(t.Id, t.Version, t.Stages[0].Id, Stage("Перший", "First", months: 0)));
        var edited = await Change(t => Editing.EditStageAsync(t.Id, t.Version, t.Stages[1].Id, Stage("Другий етап", "Second stage", null, 120)));
        var beyondTop = await Change(t => Editing.MoveStageAsync(t.Id, t.Version, t.Stages[0].Id, -1));
        var movedDown = await Change(t => Editing.MoveStageAsync(t.Id, t.Version, t.Stages[0].Id, 1));
        var removed = await Change(t => Editing.RemoveStageAsync(t.Id, t.Version, t.Stages[2].Id));
        var view = await ReadAsync("short");

        Assert.Equal(["CertificateValidMonths ValidMonths", "NameUk NameRequired", "PositionTypeCode NoSuchPositionType"], Keys(badValues));
        Assert.Equal(["Position NoSuchPlace"], Keys(badPlace));
        Assert.Equal(["CertificateValidMonths ValidMonths"], Keys(noExpiryBelowOne));
        Assert.True(edited.Succeeded && movedDown.Succeeded && removed.Succeeded);
        Assert.Equal("Templates:Error:CannotMove", beyondTop.Error!.Key);
        Assert.Equal([(1, "Second stage", null, 120), (2, "First", "volunteer", null)],
            view.Stages.Select(s => (s.Position, s.NameEn, s.PositionTypeCode, s.CertificateValidMonths)));
    }

    [Fact]
    public async Task A_requirement_tree_nests_groups_of_every_kind_and_refuses_what_makes_no_sense()
    {
        var template = await ReadAsync();
        var stage = template.Stages[4].Id;
        var good = new AllOf([
            new CourseCompleted(Offered.Id), new CompetencyAtLevel("CP.3.1", 3), new PracticeHours(12.5m, OtherModules.DirectWork), new PracticeHours(40),
            new AnyOf([new SupervisionSessions(4), new AllOf([new MentoringCompleted(), new AnyOf([new TimeInStage(6), new SignOff(BuiltInRoles.Mentor)])])]),
        ]);
        var bad = new AllOf([
            new CourseCompleted(Guid.NewGuid()), new CourseCompleted(Archived.Id), new CompetencyAtLevel("XX.9", 1), new CompetencyAtLevel("CP.1.1", 4),
            new CompetencyAtLevel("CP.1.1", -1), new PracticeHours(0), new PracticeHours(5, Guid.NewGuid()), new SupervisionSessions(0), new TimeInStage(0),
            new SignOff("Learner"), new AnyOf([]), new AllOf([new AllOf([new AllOf([new AllOf([new MentoringCompleted()])])])]),
        ]);

        var refused = await Editing.SetRequirementsAsync(template.Id, template.Version, stage, bad);
        var tooBig = await Editing.SetRequirementsAsync(template.Id, template.Version, stage, new AllOf(Enumerable.Range(1, RequirementRules.MaxParts).Select(i => new TimeInStage(i)).ToList()));
        var notAGroup = await Editing.SetRequirementsAsync(template.Id, template.Version, stage, new MentoringCompleted());
        var saved = await Editing.SetRequirementsAsync(template.Id, template.Version, stage, good);
        var read = await ReadAsync();

        Assert.Equal(
            ["Requirements/0 NoSuchCourse", "Requirements/1 CourseArchived", "Requirements/10 EmptyGroup", "Requirements/11/0/0/0 TooDeep",
                "Requirements/2 NoSuchCompetency", "Requirements/3 Level", "Requirements/4 Level", "Requirements/5 Hours", "Requirements/6 NoSuchActivityType",
                "Requirements/7 Sessions", "Requirements/8 Months", "Requirements/9 Role"],
            Keys(refused));
        Assert.Equal(["Requirements TooManyParts"], Keys(tooBig));
        Assert.Equal(["Requirements RootGroup"], Keys(notAGroup));
        Assert.True(saved.Succeeded);
        Assert.Equal(PathwayStage.Write(good), PathwayStage.Write(read.Stages[4].Requirements));
        Assert.Equal(Offered.Title, read.Courses[Offered.Id].Title);
    }

    [Fact]
    public async Task A_course_the_stage_already_named_may_stay_after_it_went_but_a_new_one_must_be_offered()
    {
        var template = await ReadAsync();
        var second = template.Stages[1];
        Assert.True((await Editing.SetRequirementsAsync(template.Id, template.Version, second.Id, new AllOf([new CourseCompleted(Offered.Id)]))).Succeeded);
        _scenario.Others.Courses.Remove(Offered);
        template = await ReadAsync();

        var kept = await Editing.SetRequirementsAsync(template.Id, template.Version, second.Id, new AllOf([new CourseCompleted(Offered.Id), new TimeInStage(3)]));
        template = await ReadAsync();
        var added = await Editing.SetRequirementsAsync(template.Id, template.Version, template.Stages[2].Id, new AllOf([new CourseCompleted(Offered.Id)]));

        Assert.True(kept.Succeeded);
        Assert.Equal(["Requirements/0 NoSuchCourse"], Keys(added));
        Assert.False(template.Courses.ContainsKey(Offered.Id));
    }

    [Fact]
    public async Task Renewal_asks_hours_within_reason_or_an_offered_course_only_of_a_certificate_that_expires_and_a_course_that_went_stays_flagged()
    {
        var stage = (await ReadAsync()).Stages[2];
        StageInput Renewal(decimal? hours, Guid? course, int? months = 36) => new()
        {
            NameUk = stage.NameUk, NameEn = stage.NameEn, PositionTypeCode = stage.PositionTypeCode, CertificateValidMonths = months,
            RenewalCpdHours = hours, RenewalCourseId = course,
        };
        async Task<Result> EditAsync(StageInput input)
        {
            var template = await ReadAsync();
            return await Editing.EditStageAsync(template.Id, template.Version, stage.Id, input);
        }

        var none = await EditAsync(Renewal(0m, null));
        var tooMany = await EditAsync(Renewal(1001m, null));
        var noExpiry = await EditAsync(Renewal(10m, Offered.Id, months: null));
        var unknown = await EditAsync(Renewal(null, Guid.NewGuid()));
        var archived = await EditAsync(Renewal(null, Archived.Id));
        var saved = await EditAsync(Renewal(15.5m, Offered.Id));
        var read = await ReadAsync();
        _scenario.Others.Courses.Remove(Offered);
        var kept = await EditAsync(Renewal(20m, Offered.Id));
        var gone = await ReadAsync();

        Assert.Equal(["RenewalCpdHours RenewalHours"], Keys(none));
        Assert.Equal(["RenewalCpdHours RenewalHours"], Keys(tooMany));
        Assert.Equal(["RenewalCourseId RenewalWithoutExpiry", "RenewalCpdHours RenewalWithoutExpiry"], Keys(noExpiry));
        Assert.Equal(["RenewalCourseId NoSuchCourse"], Keys(unknown));
        Assert.Equal(["RenewalCourseId CourseArchived"], Keys(archived));
        Assert.True(saved.Succeeded);
        Assert.Equal((15.5m, Offered.Id), (read.Stages[2].RenewalCpdHours, read.Stages[2].RenewalCourseId));
        Assert.Equal(Offered.Title, read.Courses[Offered.Id].Title);
        Assert.True(kept.Succeeded);
        Assert.Equal((20m, Offered.Id), (gone.Stages[2].RenewalCpdHours, gone.Stages[2].RenewalCourseId));
        Assert.False(gone.Courses.ContainsKey(Offered.Id));
    }

    [Fact]
    public async Task A_stage_asks_its_own_yearly_hours_from_one_to_five_hundred_or_none_and_its_page_says_so()
    {
        var stage = (await ReadAsync()).Stages[1];
        async Task<Result> EditAsync(int? hours)
        {
            var template = await ReadAsync();
            return await Editing.EditStageAsync(template.Id, template.Version, stage.Id, new StageInput
            {
                NameUk = stage.NameUk, NameEn = stage.NameEn, PositionTypeCode = stage.PositionTypeCode, CertificateValidMonths = stage.CertificateValidMonths,
                CpdHoursPerYear = hours,
            });
        }

        var none = await EditAsync(0);
        var tooMany = await EditAsync(PathwayStage.MaxCpdHoursPerYear + 1);
        var saved = await EditAsync(PathwayStage.MaxCpdHoursPerYear);
        var template = await ReadAsync();
        var added = await Editing.AddStageAsync(template.Id, template.Version, new StageInput { NameUk = "Наставник", NameEn = "Mentor", CpdHoursPerYear = 25 }, null);
        var read = await ReadAsync();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };
        var page = pages.Render<TemplatePage>(p => p.Add(x => x.Code, PathwayScenario.Pathway));

        Assert.Equal(["CpdHoursPerYear CpdHours"], Keys(none));
        Assert.Equal(["CpdHoursPerYear CpdHours"], Keys(tooMany));
        Assert.True(saved.Succeeded);
        Assert.True(added.Succeeded);
        Assert.Equal([null, 500, null, null, null, 25], read.Stages.Select(s => s.CpdHoursPerYear));
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll(".th-stage").Count));
        Assert.Contains("asks 500 hours of professional development a year", page.Find(".th-stage[data-position='2'] .th-stage-facts").TextContent);
        Assert.Contains("asks 25 hours of professional development a year", page.Find(".th-stage[data-position='6'] .th-stage-facts").TextContent);
        Assert.Empty(page.FindAll(".th-stage[data-position='3'] .th-stage-cpd"));
    }

    [Fact]
    public async Task A_stage_people_are_on_is_not_removed_or_moved_and_other_changes_keep_everyone_on_their_stage()
    {
        await _scenario.SignOffAsync();
        AsEditor();
        var before = await WhereEveryoneIsAsync();
        var template = await ReadAsync();

        var removeOccupied = await Editing.RemoveStageAsync(template.Id, template.Version, template.Stages[2].Id);
        var moveOccupied = await Editing.MoveStageAsync(template.Id, template.Version, template.Stages[2].Id, 1);
        var moveFree = await Editing.MoveStageAsync(template.Id, template.Version, template.Stages[3].Id, 1);
        template = await ReadAsync();
        var inserted = await Editing.AddStageAsync(template.Id, template.Version, Stage("Знайомство", "Introduction"), 1);
        var afterInsert = await WhereEveryoneIsAsync();
        var certificateAfterInsert = await HalynasCertificateStageAsync();
        var badgeAfterInsert = await Host.Get<OpenBadges>().BadgeClassAsync(PathwayScenario.Pathway, certificateAfterInsert);
        template = await ReadAsync();
        var removeFree = await Editing.RemoveStageAsync(template.Id, template.Version, template.Stages[0].Id);
        var after = await WhereEveryoneIsAsync();

        Assert.Equal(("Stage", "Templates:Error:StageInUse", 1), (removeOccupied.Error!.Fields[0].Field, removeOccupied.Error.Fields[0].Key, removeOccupied.Error.Fields[0].Arguments[0]));
        Assert.Equal("Templates:Error:MoveInUse", moveOccupied.Error!.Fields[0].Key);
        Assert.True(moveFree.Succeeded && inserted.Succeeded && removeFree.Succeeded);
        Assert.Equal("Trained volunteer → Social assistant", before[_scenario.Vasyl]);
        Assert.Equal(before, afterInsert);
        Assert.Equal(before, after);
        Assert.Equal(["Volunteer", "Trained volunteer", "Social assistant", "Social worker", "Case manager"], (await ReadAsync()).Stages.Select(s => s.NameEn));
        // Halyna's certificate of the social-assistant stage follows it, and so does its badge class.
        Assert.Equal((4, 3), (certificateAfterInsert, await HalynasCertificateStageAsync()));
        Assert.StartsWith("Social assistant", badgeAfterInsert!["name"]!.GetValue<string>());
    }

    private async Task<int> HalynasCertificateStageAsync()
    {
        var halyna = await _scenario.PersonAsync("h.bondarenko@traininghub.example");
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        return await db.Certificates.Where(c => c.PersonId == halyna).Select(c => c.Stage).SingleAsync();
    }

    [Fact]
    public async Task A_change_that_would_give_someone_waiting_on_a_request_another_next_stage_waits_for_the_decision()
    {
        await _scenario.AskAndListAsync();
        AsEditor();
        var template = await ReadAsync();

        var insert = await Editing.AddStageAsync(template.Id, template.Version, Stage("Проміжний", "In between"), 3);
        var atTheEnd = await Editing.AddStageAsync(template.Id, template.Version, Stage("Супервізор", "Supervisor", "supervisor"), null);

        Assert.Equal("Templates:Error:RequestPending", insert.Error!.Key);
        Assert.True(atTheEnd.Succeeded);
        Assert.Equal(6, (await ReadAsync()).Stages.Count);
    }

    [Fact]
    public async Task A_change_to_a_version_someone_else_changed_meanwhile_is_refused_and_loses_nothing()
    {
        var stale = await ReadAsync();
        Assert.True((await Editing.EditStageAsync(stale.Id, stale.Version, stale.Stages[4].Id, Stage("Соціальна працівниця", "Social worker"))).Succeeded);

        Result[] refused =
        [
            await Editing.RenameAsync(stale.Id, stale.Version, new TemplateInput { NameUk = "Інше", NameEn = "Other" }),
            await Editing.AddStageAsync(stale.Id, stale.Version, Stage("Ще", "More"), null),
            await Editing.EditStageAsync(stale.Id, stale.Version, stale.Stages[3].Id, Stage("Ще", "More")),
            await Editing.MoveStageAsync(stale.Id, stale.Version, stale.Stages[3].Id, 1),
            await Editing.RemoveStageAsync(stale.Id, stale.Version, stale.Stages[4].Id),
            await Editing.SetRequirementsAsync(stale.Id, stale.Version, stale.Stages[4].Id, new AllOf([])),
        ];

        Assert.All(refused, r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
        var read = await ReadAsync();
        Assert.Equal(("From volunteer to social worker", 5, "Соціальна працівниця"), (read.NameEn, read.Stages.Count, read.Stages[4].NameUk));
        Assert.Equal(PathwayStage.Write(stale.Stages[4].Requirements), PathwayStage.Write(read.Stages[4].Requirements));
    }

    [Fact]
    public async Task Without_the_edit_permission_every_change_is_forbidden()
    {
        var template = await ReadAsync();
        Host.User.Holding(new PermissionGrant(PathwaysPermissions.TemplatesView, null));

        Result[] refused =
        [
            await Editing.CreateAsync(new TemplateInput { Code = "new-path", NameUk = "Новий", NameEn = "New" }),
            await Editing.RenameAsync(template.Id, template.Version, new TemplateInput { NameUk = "Інше", NameEn = "Other" }),
            await Editing.AddStageAsync(template.Id, template.Version, Stage("Ще", "More"), null),
            await Editing.EditStageAsync(template.Id, template.Version, template.Stages[3].Id, Stage("Ще", "More")),
            await Editing.MoveStageAsync(template.Id, template.Version, template.Stages[3].Id, 1),
            await Editing.RemoveStageAsync(template.Id, template.Version, template.Stages[4].Id),
            await Editing.SetRequirementsAsync(template.Id, template.Version, template.Stages[4].Id, new AllOf([])),
            await Host.Get<TemplateChoices>().ListAsync(),
            await Host.Get<TemplateChoices>().SearchCoursesAsync("курс"),
        ];

        Assert.All(refused, r => Assert.Equal(ErrorKind.Forbidden, r.Error!.Kind));
        Assert.False((await ReadAsync()).CanEdit);
        Assert.Equal(template.Version, (await ReadAsync()).Version);
    }
}

public sealed class TemplateEditingOnSqlite(SqliteServer server) : TemplateEditingTests(server), IClassFixture<SqliteServer>;

public sealed class TemplateEditingOnPostgreSql(PostgreSqlServer server) : TemplateEditingTests(server), IClassFixture<PostgreSqlServer>;
