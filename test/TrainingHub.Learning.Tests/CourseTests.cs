using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Files;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>Courses, their outline, files and who may change them, run against real SQLite and real PostgreSQL.</summary>
public abstract class CourseTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private readonly Units _units = new();
    private ModuleTestHost _host = null!;
    private CourseCatalogue _catalogue = null!;
    private CourseOutline _outline = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LearningHost.StartAsync(server, _units);
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        _catalogue = _host.Get<CourseCatalogue>();
        _outline = _host.Get<CourseOutline>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<CourseDetails> OpenAsync(Guid courseId) => (await _catalogue.GetAsync(courseId)).Value;

    /// <summary>A published course open for self-enrolment, so that every learner sees it.</summary>
    private async Task<Guid> PublishedCourseAsync(string title)
    {
        var id = (await _catalogue.CreateAsync(new CourseInput { Title = title, OwningUnitId = _units.ZhytomyrCity.Id, OpenForSelfEnrolment = true })).Value;
        await _outline.NewLessonAsync(await _outline.NewSectionAsync(id, "Вступ"), "Перший урок", "Текст");
        Assert.True((await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version)).Succeeded);
        return id;
    }

    [Fact]
    public async Task An_author_creates_a_draft_edits_it_and_a_stale_form_is_refused_as_a_conflict()
    {
        var id = await _catalogue.CreateAsync("Перша психологічна допомога", _units.ZhytomyrCity.Id);
        var created = await OpenAsync(id);
        var input = CourseInput.From(created);
        input.Summary = "Як підтримати людину в перші години після кризи.";
        input.DurationMinutes = 45;
        input.OpenForSelfEnrolment = true;

        var saved = await _catalogue.UpdateAsync(id, input, created.Version);
        input.Title = "Стара версія форми";
        var stale = await _catalogue.UpdateAsync(id, input, created.Version);
        var invalid = await _catalogue.UpdateAsync(id, new CourseInput { Title = " ", OwningUnitId = _units.ZhytomyrCity.Id, DurationMinutes = 0 }, (await OpenAsync(id)).Version);

        Assert.True(saved.Succeeded);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal("Error:TitleRequired", invalid.Error!.ErrorFor(nameof(CourseInput.Title)));
        Assert.Equal("Error:DurationRange", invalid.Error!.ErrorFor(nameof(CourseInput.DurationMinutes)));
        var course = await OpenAsync(id);
        Assert.Equal(("Перша психологічна допомога", CourseStatus.Draft, 45, true), (course.Title, course.Status, course.DurationMinutes, course.OpenForSelfEnrolment));
        Assert.Equal(_units.ZhytomyrCity.DisplayName, course.UnitName);
    }

    [Fact]
    public async Task Authors_of_another_oblast_and_learners_cannot_create_or_change_a_course_and_learners_see_only_published_open_ones()
    {
        var draft = await _catalogue.CreateAsync("Чернетка", _units.ZhytomyrCity.Id);
        var published = await PublishedCourseAsync("Опублікований курс");
        var publishedVersion = (await OpenAsync(published)).Version;
        var sectionId = (await OpenAsync(published)).Sections.Single().Id;

        _host.AsAuthorOf(_units.Lviv.Id);
        var createdElsewhere = await _catalogue.CreateAsync(new CourseInput { Title = "Не моя область", OwningUnitId = _units.Zhytomyr.Id });
        var draftFromLviv = await _catalogue.GetAsync(draft);
        var editFromLviv = await _catalogue.UpdateAsync(published, new CourseInput { Title = "Змінено", OwningUnitId = _units.Lviv.Id }, publishedVersion);
        var lessonFromLviv = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Чужий урок" });
        var unpublishFromLviv = await _catalogue.UnpublishAsync(published, publishedVersion);
        var lvivList = (await _catalogue.SearchAsync(null, null, null, new PageRequest())).Value;

        _host.AsLearner();
        var createdByLearner = await _catalogue.CreateAsync(new CourseInput { Title = "Мій курс", OwningUnitId = _units.ZhytomyrCity.Id });
        var draftForLearner = await _catalogue.GetAsync(draft);
        var publishedForLearner = await _catalogue.GetAsync(published);
        var copyByLearner = await _catalogue.CopyAsync(published);
        var learnerList = (await _catalogue.SearchAsync(null, null, null, new PageRequest())).Value;

        Assert.Equal("Error:UnitOutOfScope", createdElsewhere.Error!.ErrorFor(nameof(CourseInput.OwningUnitId)));
        Assert.Equal(ErrorKind.NotFound, draftFromLviv.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, editFromLviv.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, lessonFromLviv.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, unpublishFromLviv.Error!.Kind);
        Assert.Equal([(published, false)], lvivList.Items.Select(c => (c.Id, c.CanEdit)));
        Assert.Equal(ErrorKind.Forbidden, createdByLearner.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, draftForLearner.Error!.Kind);
        Assert.False(publishedForLearner.Value.CanEdit);
        Assert.Equal(ErrorKind.Forbidden, copyByLearner.Error!.Kind);
        Assert.Equal([published], learnerList.Items.Select(c => c.Id));
        _host.AsAuthorOf(_units.Zhytomyr.Id);
        Assert.Equal("Опублікований курс", (await OpenAsync(published)).Title);
    }

    [Fact]
    public async Task A_course_without_lessons_is_not_published_and_an_archived_course_cannot_be_changed_until_it_is_a_draft_again()
    {
        var id = await _catalogue.CreateAsync("Розпізнавання насильства", _units.Zhytomyr.Id);
        var empty = await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version);
        var sectionId = await _outline.NewSectionAsync(id, "Ознаки");
        var stillEmpty = await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version);
        await _outline.NewLessonAsync(sectionId, "Фізичні ознаки");

        var published = await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version);
        var publishedCourse = await OpenAsync(id);
        var unpublished = await _catalogue.UnpublishAsync(id, publishedCourse.Version);
        var archived = await _catalogue.ArchiveAsync(id, (await OpenAsync(id)).Version);
        var addToArchived = await _outline.AddSectionAsync(id, "Пізно");
        var restored = await _catalogue.RestoreAsync(id, (await OpenAsync(id)).Version);

        Assert.Equal("Error:NoLessons", empty.Error!.Key);
        Assert.Equal("Error:NoLessons", stillEmpty.Error!.Key);
        Assert.True(published.Succeeded);
        Assert.Equal(CourseStatus.Published, publishedCourse.Status);
        Assert.True(unpublished.Succeeded);
        Assert.True(archived.Succeeded);
        Assert.Equal("Error:CourseArchived", addToArchived.Error!.Key);
        Assert.True(restored.Succeeded);
        Assert.Equal(CourseStatus.Draft, (await OpenAsync(id)).Status);
    }

    [Fact]
    public async Task Copying_makes_a_new_draft_with_its_own_sections_lessons_and_attachments_and_the_original_stays()
    {
        var id = await PublishedCourseAsync("Сімейні форми виховання");
        Assert.True((await _catalogue.SetCoverAsync(id, Png)).Succeeded);
        var lessonId = (await OpenAsync(id)).LessonsInOrder.Single().Id;
        var picture = (await _outline.AttachAsync(lessonId, "схема.png", Png)).Value;
        var lesson = (await _outline.GetLessonAsync(lessonId)).Value;
        var withPicture = LessonInput.From(lesson);
        withPicture.Body = $"Дивіться схему:\n\n![схема](api/v1/learning/attachments/{picture.Id})";
        Assert.True((await _outline.UpdateLessonAsync(lessonId, withPicture, lesson.Version)).Succeeded);

        var copyId = (await _catalogue.CopyAsync(id)).Value;

        var copy = await OpenAsync(copyId);
        var copiedLesson = (await _outline.GetLessonAsync(copy.LessonsInOrder.Single().Id)).Value;
        Assert.Equal(("Сімейні форми виховання (копія)", CourseStatus.Draft), (copy.Title, copy.Status));
        Assert.NotNull(copy.CoverId);
        Assert.Equal(["Вступ"], copy.Sections.Select(s => s.Title));
        Assert.NotEqual(lessonId, copiedLesson.Id);
        var copiedPicture = Assert.Single(copiedLesson.Attachments);
        Assert.NotEqual(picture.Id, copiedPicture.Id);
        Assert.Contains(copiedPicture.Id.ToString(), copiedLesson.Body);
        Assert.Equal(FileSignatures.Png, (await _outline.GetAttachmentAsync(copiedPicture.Id)).Value.ContentType);
        Assert.Equal(CourseStatus.Published, (await OpenAsync(id)).Status);
    }

    [Fact]
    public async Task A_copy_asks_its_own_copies_of_the_quiz_questions_keeps_the_competencies_and_publishes_while_the_original_keeps_its_attempts()
    {
        var bank = _host.Get<QuestionBank>();
        var quizzes = _host.Get<QuizAuthoring>();
        var id = (await _catalogue.CreateAsync(new CourseInput { Title = "Перша допомога", OwningUnitId = _units.ZhytomyrCity.Id, OpenForSelfEnrolment = true })).Value;
        var section = await _outline.NewSectionAsync(id, "Основи");
        await _outline.NewLessonAsync(section, "Вступ", "Текст");
        var quizLesson = await _outline.NewQuizLessonAsync(section, "Підсумковий тест");
        var choice = await bank.NewQuestionAsync(id, QuizBuilders.SingleChoice("Перший крок допомоги?", "Забезпечити безпеку", "Розпитати про подробиці"));
        var shortAnswer = await bank.NewQuestionAsync(id, QuizBuilders.ShortAnswer("Як зветься ця допомога одним словом?", "підтримка"));
        await quizzes.SetUpAsync(quizLesson, new QuizSettingsInput
        {
            QuestionIds = [shortAnswer, choice], PassMarkPercent = 60, AttemptLimit = 2, TimeLimitMinutes = 15, ShuffleQuestions = true, ShuffleOptions = true,
        });
        Assert.True((await _host.Get<CourseCompetencies>().SetAsync(id, Competencies.FirstAid.LineageId, 1)).Succeeded);
        Assert.True((await _catalogue.PublishAsync(id, (await OpenAsync(id)).Version)).Succeeded);
        _host.AsLearner();
        Assert.True((await _host.Get<QuizAttempts>().StartAsync(quizLesson)).Succeeded);
        _host.AsAuthorOf(_units.Zhytomyr.Id);

        var copyId = (await _catalogue.CopyAsync(id)).Value;

        var copiedLesson = (await OpenAsync(copyId)).LessonsInOrder.Single(l => l.Kind == LessonKind.Quiz).Id;
        var copiedQuiz = (await quizzes.GetAsync(copiedLesson)).Value;
        var original = (await quizzes.GetAsync(quizLesson)).Value;
        Assert.Equal((60, 2, 15, true, true), (copiedQuiz.PassMarkPercent, copiedQuiz.AttemptLimit, copiedQuiz.TimeLimitMinutes, copiedQuiz.ShuffleQuestions, copiedQuiz.ShuffleOptions));
        Assert.Equal((0, 0), (copiedQuiz.VersionNumber, copiedQuiz.AttemptCount));
        Assert.Equal(1, original.AttemptCount);
        var asked = copiedQuiz.QuestionIds.Select(q => copiedQuiz.Bank.Single(b => b.Id == q)).ToList();
        Assert.Equal(["Як зветься ця допомога одним словом?", "Перший крок допомоги?"], asked.Select(q => q.Text));
        Assert.Empty(copiedQuiz.QuestionIds.Intersect(original.QuestionIds));
        Assert.Equal(["підтримка"], asked[0].AcceptedAnswers);
        Assert.Equal(original.Bank.Single(q => q.Id == choice).Feedback, asked[1].Feedback);
        Assert.Equal([("Забезпечити безпеку", true, "Відгук: Забезпечити безпеку"), ("Розпитати про подробиці", false, "Відгук: Розпитати про подробиці")],
            asked[1].Options.Select(o => (o.Text, o.IsCorrect, o.Feedback)));
        Assert.Equal([(Competencies.FirstAid.LineageId, 1)], (await _host.Get<CourseCompetencies>().ListAsync(copyId)).Value.Select(m => (m.LineageId, m.LevelRank)));

        var edited = QuestionInput.From(asked[1]);
        edited.Text = "Що зробити найперше?";
        Assert.True((await bank.UpdateAsync(asked[1].Id, edited, asked[1].Version)).Succeeded);
        Assert.Equal("Перший крок допомоги?", (await bank.ListAsync(id)).Value.Single(q => q.Id == choice).Text);
        Assert.True((await _catalogue.PublishAsync(copyId, (await OpenAsync(copyId)).Version)).Succeeded);
        Assert.Equal(0, (await quizzes.GetAsync(copiedLesson)).Value.AttemptCount);
    }

    [Fact]
    public async Task Sections_and_lessons_move_one_place_at_a_time_also_across_sections_and_keep_their_ids()
    {
        var id = await _catalogue.CreateAsync("Захист дітей", _units.Zhytomyr.Id);
        var first = await _outline.NewSectionAsync(id, "Перший");
        var second = await _outline.NewSectionAsync(id, "Другий");
        var a = await _outline.NewLessonAsync(first, "А");
        var b = await _outline.NewLessonAsync(first, "Б");
        var c = await _outline.NewLessonAsync(second, "В");

        Assert.True((await _outline.MoveLessonAsync(b, -1, await LessonVersionAsync(id, b))).Succeeded);
        Assert.True((await _outline.MoveLessonAsync(a, 1, await LessonVersionAsync(id, a))).Succeeded);
        var top = await _outline.MoveLessonAsync(b, -1, await LessonVersionAsync(id, b));
        var section = (await OpenAsync(id)).Sections.Single(s => s.Id == second);
        Assert.True((await _outline.MoveSectionAsync(second, -1, section.Version)).Succeeded);

        var course = await OpenAsync(id);
        Assert.Equal("Error:CannotMove", top.Error!.Key);
        Assert.Equal([second, first], course.Sections.Select(s => s.Id));
        Assert.Equal([(a, 0), (c, 1)], course.Sections[0].Lessons.Select(l => (l.Id, l.Order)));
        Assert.Equal([(b, 0)], course.Sections[1].Lessons.Select(l => (l.Id, l.Order)));
        var stale = await _outline.MoveSectionAsync(second, 1, section.Version);
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
    }

    private async Task<Guid> LessonVersionAsync(Guid courseId, Guid lessonId) =>
        (await OpenAsync(courseId)).LessonsInOrder.Single(l => l.Id == lessonId).Version;

    [Fact]
    public async Task Deleting_a_lesson_or_a_section_takes_what_is_inside_and_closes_the_gap()
    {
        var id = await _catalogue.CreateAsync("Плани влаштування", _units.Zhytomyr.Id);
        var first = await _outline.NewSectionAsync(id, "Перший");
        var second = await _outline.NewSectionAsync(id, "Другий");
        var third = await _outline.NewSectionAsync(id, "Третій");
        var a = await _outline.NewLessonAsync(first, "А");
        var b = await _outline.NewLessonAsync(first, "Б");
        var inSecond = await _outline.NewLessonAsync(second, "В");
        var file = (await _outline.AttachAsync(inSecond, "анкета.pdf", "%PDF-1.7"u8.ToArray())).Value;

        Assert.True((await _outline.DeleteLessonAsync(a, await LessonVersionAsync(id, a))).Succeeded);
        Assert.True((await _outline.DeleteSectionAsync(second, (await OpenAsync(id)).Sections.Single(s => s.Id == second).Version)).Succeeded);

        var course = await OpenAsync(id);
        Assert.Equal([(first, 0), (third, 1)], course.Sections.Select(s => (s.Id, s.Order)));
        Assert.Equal([(b, 0)], course.Sections[0].Lessons.Select(l => (l.Id, l.Order)));
        Assert.Equal(ErrorKind.NotFound, (await _outline.GetAttachmentAsync(file.Id)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await _outline.GetLessonAsync(inSecond)).Error!.Kind);
    }

    [Fact]
    public async Task A_translation_link_is_mutual_moves_with_a_new_link_and_must_be_in_the_other_language()
    {
        var ukrainian = await _catalogue.CreateAsync("Перша допомога", _units.Zhytomyr.Id);
        var english = await _catalogue.CreateAsync("First aid", _units.Zhytomyr.Id, CourseLanguage.En);
        var newerEnglish = await _catalogue.CreateAsync("Psychological first aid", _units.Zhytomyr.Id, CourseLanguage.En);
        var otherUkrainian = await _catalogue.CreateAsync("Інший курс", _units.Zhytomyr.Id);

        var input = CourseInput.From(await OpenAsync(ukrainian));
        input.TranslationId = english;
        Assert.True((await _catalogue.UpdateAsync(ukrainian, input, (await OpenAsync(ukrainian)).Version)).Succeeded);
        Assert.Equal(ukrainian, (await OpenAsync(english)).Translation?.Id);
        input.TranslationId = newerEnglish;
        Assert.True((await _catalogue.UpdateAsync(ukrainian, input, (await OpenAsync(ukrainian)).Version)).Succeeded);
        input.TranslationId = otherUkrainian;
        var sameLanguage = await _catalogue.UpdateAsync(ukrainian, input, (await OpenAsync(ukrainian)).Version);

        Assert.Equal("Error:TranslationSameLanguage", sameLanguage.Error!.ErrorFor(nameof(CourseInput.TranslationId)));
        Assert.Equal(newerEnglish, (await OpenAsync(ukrainian)).Translation?.Id);
        Assert.Equal(ukrainian, (await OpenAsync(newerEnglish)).Translation?.Id);
        Assert.Null((await OpenAsync(english)).Translation);
        Assert.Equal(new[] { english, newerEnglish }.Order(), (await _catalogue.GetTranslationChoicesAsync(ukrainian, CourseLanguage.Uk)).Select(c => c.Id).Order());
    }

    [Fact]
    public async Task The_catalogue_searches_titles_in_any_case_filters_by_status_and_language_and_pages()
    {
        await PublishedCourseAsync("Перша психологічна допомога");
        await _catalogue.CreateAsync("Психологічна підтримка родин", _units.Zhytomyr.Id);
        await _catalogue.CreateAsync("Child protection basics", _units.ZhytomyrCity.Id, CourseLanguage.En);

        var search = (await _catalogue.SearchAsync("ПСИХОЛОГІЧНА", null, null, new PageRequest())).Value;
        var drafts = (await _catalogue.SearchAsync(null, CourseStatus.Draft, null, new PageRequest())).Value;
        var english = (await _catalogue.SearchAsync(null, null, CourseLanguage.En, new PageRequest())).Value;
        var secondPage = (await _catalogue.SearchAsync(null, null, null, new PageRequest(1, 2))).Value;

        Assert.Equal(2, search.TotalCount);
        Assert.Equal(2, drafts.TotalCount);
        Assert.Equal(["Child protection basics"], english.Items.Select(c => c.Title));
        Assert.Equal((3, 1), (secondPage.TotalCount, secondPage.Items.Count));
        Assert.Equal(1, search.Items.Single(c => c.Status == CourseStatus.Published).LessonCount);
    }

    [Fact]
    public async Task A_cover_must_be_a_real_picture_of_at_most_two_megabytes_and_attachments_are_typed_by_their_content()
    {
        var id = await _catalogue.CreateAsync("Курс з обкладинкою", _units.Zhytomyr.Id);
        var lessonId = await _outline.NewLessonAsync(await _outline.NewSectionAsync(id, "Розділ"), "Урок");

        var script = await _catalogue.SetCoverAsync(id, "<script>alert(1)</script>"u8.ToArray());
        var gif = await _catalogue.SetCoverAsync(id, "GIF89a......"u8.ToArray());
        var huge = await _catalogue.SetCoverAsync(id, [.. Png, .. new byte[2 * 1024 * 1024]]);
        var webP = await _catalogue.SetCoverAsync(id, [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8]);
        var renamedScript = (await _outline.AttachAsync(lessonId, "photo.png", "<svg onload=alert(1)>"u8.ToArray())).Value;
        var realPicture = (await _outline.AttachAsync(lessonId, @"C:\Users\olena\фото.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16])).Value;
        var tooLarge = await _outline.AttachAsync(lessonId, "big.bin", new byte[10 * 1024 * 1024 + 1]);

        Assert.Equal("Error:CoverType", script.Error!.ErrorFor("Cover"));
        Assert.Equal("Error:CoverType", gif.Error!.ErrorFor("Cover"));
        Assert.Equal("Error:CoverTooLarge", huge.Error!.ErrorFor("Cover"));
        Assert.True(webP.Succeeded);
        Assert.Equal(FileSignatures.WebP, (await _catalogue.GetCoverAsync(id)).Value.ContentType);
        Assert.Equal(("application/octet-stream", false), (renamedScript.ContentType, renamedScript.IsImage));
        Assert.Equal(("фото.jpg", FileSignatures.Jpeg), (realPicture.FileName, realPicture.ContentType));
        Assert.Equal("Error:FileTooLarge", tooLarge.Error!.ErrorFor("File"));
        _host.AsLearner();
        Assert.Equal(ErrorKind.NotFound, (await _catalogue.GetCoverAsync(id)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await _outline.GetAttachmentAsync(realPicture.Id)).Error!.Kind);
    }

    [Fact]
    public async Task A_video_lesson_needs_an_https_address_and_a_text_lesson_keeps_within_its_limit()
    {
        var id = await _catalogue.CreateAsync("Відеокурс", _units.Zhytomyr.Id);
        var sectionId = await _outline.NewSectionAsync(id, "Розділ");

        var noUrl = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Відео", Kind = LessonKind.ExternalVideo });
        var http = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Відео", Kind = LessonKind.ExternalVideo, VideoUrl = "http://youtu.be/dQw4w9WgXcQ" });
        var script = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Відео", Kind = LessonKind.ExternalVideo, VideoUrl = "javascript:alert(1)" });
        var tooLong = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Текст", Body = new string('а', CourseRules.MaxBodyLength + 1) });
        var video = await _outline.AddLessonAsync(sectionId, new LessonInput { Title = "Відео", Kind = LessonKind.ExternalVideo, VideoUrl = " https://youtu.be/dQw4w9WgXcQ ", Body = "ignored" });

        Assert.Equal("Error:VideoUrlRequired", noUrl.Error!.ErrorFor(nameof(LessonInput.VideoUrl)));
        Assert.Equal("Error:VideoUrlHttps", http.Error!.ErrorFor(nameof(LessonInput.VideoUrl)));
        Assert.Equal("Error:VideoUrlHttps", script.Error!.ErrorFor(nameof(LessonInput.VideoUrl)));
        Assert.Equal("Error:TooLong", tooLong.Error!.ErrorFor(nameof(LessonInput.Body)));
        var saved = (await _outline.GetLessonAsync(video.Value)).Value;
        Assert.Equal(("https://youtu.be/dQw4w9WgXcQ", null), (saved.VideoUrl, saved.Body));
    }
}

public sealed class CoursesOnSqlite(SqliteServer server) : CourseTests(server), IClassFixture<SqliteServer>;

public sealed class CoursesOnPostgreSql(PostgreSqlServer server) : CourseTests(server), IClassFixture<PostgreSqlServer>;
