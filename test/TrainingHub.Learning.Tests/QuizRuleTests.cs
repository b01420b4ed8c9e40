using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;

namespace TrainingHub.Learning.Tests;

/// <summary>How answers are marked and what makes a question or a quiz fit to be asked; pure rules, no database.</summary>
public sealed class QuizRuleTests
{
    private static readonly QuestionOption Right = new(Guid.NewGuid(), "Так", true, "Саме так.");
    private static readonly QuestionOption Wrong = new(Guid.NewGuid(), "Ні", false, "Подумайте ще.");
    private static readonly QuestionOption AlsoRight = new(Guid.NewGuid(), "Можливо", true, null);

    private static QuestionContent Question(QuestionKind kind, IReadOnlyList<QuestionOption>? options = null, IReadOnlyList<string>? accepted = null, int points = 1) =>
        new(Guid.NewGuid(), kind, "Питання", points, null, options ?? [], accepted ?? []);

    private static AnswerValue Chose(params QuestionOption[] options) => new(options.Select(o => o.Id).ToList(), null);

    [Fact]
    public void A_single_choice_or_true_false_question_is_right_only_with_its_correct_option()
    {
        var single = Question(QuestionKind.SingleChoice, [Right, Wrong]);
        var trueFalse = Question(QuestionKind.TrueFalse, [Right, Wrong]);

        Assert.True(QuizScoring.IsRight(single, Chose(Right)));
        Assert.False(QuizScoring.IsRight(single, Chose(Wrong)));
        Assert.False(QuizScoring.IsRight(single, AnswerValue.Empty));
        Assert.False(QuizScoring.IsRight(single, null));
        Assert.True(QuizScoring.IsRight(trueFalse, Chose(Right)));
        Assert.False(QuizScoring.IsRight(trueFalse, Chose(Wrong)));
    }

    [Fact]
    public void A_multiple_choice_question_earns_its_points_only_when_exactly_the_correct_options_are_chosen()
    {
        var multiple = Question(QuestionKind.MultipleChoice, [Right, Wrong, AlsoRight]);

        Assert.True(QuizScoring.IsRight(multiple, Chose(AlsoRight, Right)));
        Assert.False(QuizScoring.IsRight(multiple, Chose(Right)));
        Assert.False(QuizScoring.IsRight(multiple, Chose(Right, AlsoRight, Wrong)));
    }

    [Theory]
    [InlineData("м’яч")]
    [InlineData("м'яч")]
    [InlineData("мʼяч")]
    [InlineData("  М’ЯЧ ")]
    [InlineData("М`яч")]
    public void A_short_answer_matches_whatever_apostrophe_case_or_outer_spaces_were_typed(string typed)
    {
        var question = Question(QuestionKind.ShortAnswer, accepted: ["м'яч", "ball"]);

        Assert.True(QuizScoring.IsRight(question, new AnswerValue([], typed)));
    }

    [Theory]
    [InlineData("мяч")]
    [InlineData("")]
    [InlineData("м’ячі")]
    public void A_short_answer_that_differs_in_letters_is_wrong(string typed)
    {
        var question = Question(QuestionKind.ShortAnswer, accepted: ["м’яч"]);

        Assert.False(QuizScoring.IsRight(question, new AnswerValue([], typed)));
    }

    [Fact]
    public void Spaces_inside_a_short_answer_count_once()
    {
        var question = Question(QuestionKind.ShortAnswer, accepted: ["план безпеки"]);

        Assert.True(QuizScoring.IsRight(question, new AnswerValue([], "План   безпеки")));
    }

    [Fact]
    public void The_score_adds_the_points_of_right_answers_and_passing_needs_the_pass_mark_exactly()
    {
        var first = Question(QuestionKind.SingleChoice, [Right, Wrong], points: 3);
        var second = Question(QuestionKind.ShortAnswer, accepted: ["так"], points: 1);
        var content = new QuizContent(75, null, false, false, [first, second]);

        var threeOfFour = QuizScoring.Score(content, new Dictionary<Guid, AnswerValue> { [first.Id] = Chose(Right) });
        var oneOfFour = QuizScoring.Score(content, new Dictionary<Guid, AnswerValue> { [second.Id] = new([], "Так") });
        var nothing = QuizScoring.Score(content, new Dictionary<Guid, AnswerValue>());

        Assert.Equal(new AttemptScore(3, 4, 75, true), threeOfFour);
        Assert.Equal(new AttemptScore(1, 4, 25, false), oneOfFour);
        Assert.Equal(new AttemptScore(0, 4, 0, false), nothing);
    }

    [Fact]
    public void Answers_are_taken_up_to_the_deadline_itself_and_refused_a_moment_after_it()
    {
        var deadline = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.FromHours(2));

        Assert.True(QuizScoring.IsOpen(deadline, deadline.AddSeconds(-1)));
        Assert.True(QuizScoring.IsOpen(deadline, deadline));
        Assert.False(QuizScoring.IsOpen(deadline, deadline.AddTicks(1)));
        Assert.True(QuizScoring.IsOpen(null, deadline.AddYears(1)));
    }

    [Fact]
    public void Each_kind_of_question_needs_its_right_answer_before_it_can_be_asked()
    {
        Assert.Null(QuizRules.Problem(Question(QuestionKind.SingleChoice, [Right, Wrong])));
        Assert.Equal("Problem:OneCorrect", QuizRules.Problem(Question(QuestionKind.SingleChoice, [Wrong, Wrong with { Id = Guid.NewGuid() }])));
        Assert.Equal("Problem:OneCorrect", QuizRules.Problem(Question(QuestionKind.SingleChoice, [Right, AlsoRight])));
        Assert.Equal("Problem:TwoOptions", QuizRules.Problem(Question(QuestionKind.SingleChoice, [Right])));
        Assert.Null(QuizRules.Problem(Question(QuestionKind.MultipleChoice, [Right, Wrong, AlsoRight])));
        Assert.Equal("Problem:SomeCorrect", QuizRules.Problem(Question(QuestionKind.MultipleChoice, [Wrong, Wrong with { Id = Guid.NewGuid() }])));
        Assert.Equal("Problem:TwoOptions", QuizRules.Problem(Question(QuestionKind.MultipleChoice, [])));
        Assert.Null(QuizRules.Problem(Question(QuestionKind.TrueFalse, [Right, Wrong])));
        Assert.Equal("Problem:TrueOrFalse", QuizRules.Problem(Question(QuestionKind.TrueFalse, [Wrong, Wrong with { Id = Guid.NewGuid() }])));
        Assert.Null(QuizRules.Problem(Question(QuestionKind.ShortAnswer, accepted: ["так"])));
        Assert.Equal("Problem:NoAcceptedAnswer", QuizRules.Problem(Question(QuestionKind.ShortAnswer, accepted: [" "])));
    }

    [Fact]
    public void A_quiz_without_questions_or_with_an_unfinished_one_is_refused_naming_the_quiz_and_the_question()
    {
        var ready = Question(QuestionKind.SingleChoice, [Right, Wrong]);
        var unfinished = Question(QuestionKind.ShortAnswer) with { Text = "## Як називається документ про розміщення дитини?\nДеталі" };

        var empty = QuizRules.CheckQuiz("Publish", "Підсумковий тест", new QuizContent(80, null, false, false, []));
        var broken = QuizRules.CheckQuiz("Publish", "Підсумковий тест", new QuizContent(80, null, false, false, [ready, unfinished]));

        Assert.Equal(("Error:QuizNoQuestions", "Підсумковий тест"), (empty!.Fields.Single().Key, empty.Fields.Single().Arguments.Single()));
        Assert.Equal("Error:QuizProblem:NoAcceptedAnswer", broken!.ErrorFor("Publish"));
        Assert.Equal(["Підсумковий тест", 2, "Як називається документ про розміщення дитини?"], broken.Fields.Single().Arguments);
        Assert.Null(QuizRules.CheckQuiz("Publish", "Підсумковий тест", new QuizContent(80, null, false, false, [ready])));
    }

    [Fact]
    public void Settings_need_a_pass_mark_from_1_to_100_and_positive_limits()
    {
        var errors = QuizRules.CheckSettings(new QuizSettingsInput { PassMarkPercent = 0, AttemptLimit = 0, TimeLimitMinutes = -5 });
        var tooHigh = QuizRules.CheckSettings(new QuizSettingsInput { PassMarkPercent = 101 });

        Assert.Equal(["PassMarkPercent", "AttemptLimit", "TimeLimitMinutes"], errors.Select(e => e.Field));
        Assert.Equal("Error:PassMarkRange", tooHigh.Single().Key);
        Assert.Empty(QuizRules.CheckSettings(new QuizSettingsInput { PassMarkPercent = 100, AttemptLimit = 3, TimeLimitMinutes = 20 }));
    }

    [Fact]
    public void A_question_form_needs_text_points_in_range_and_text_for_every_choice()
    {
        var errors = QuizRules.CheckInput(new QuestionInput { Text = " ", Points = 0, Options = [new() { Text = "Так" }, new() { Text = "" }] });

        Assert.Equal("Error:QuestionTextRequired", errors.Single(e => e.Field == "Text").Key);
        Assert.Equal("Error:PointsRange", errors.Single(e => e.Field == "Points").Key);
        Assert.Equal("Error:OptionTextRequired", errors.Single(e => e.Field == "Options").Key);
        Assert.Empty(QuizRules.CheckInput(new QuestionInput { Kind = QuestionKind.TrueFalse, Text = "Дитина має право бути почутою.", Options = [new(), new()] }));
    }
}
