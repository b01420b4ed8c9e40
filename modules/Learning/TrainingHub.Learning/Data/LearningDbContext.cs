using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Learning.Data;

internal abstract class LearningDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "learning";

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseCover> Covers => Set<CourseCover>();

    public DbSet<CourseSection> Sections => Set<CourseSection>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<LessonAttachment> Attachments => Set<LessonAttachment>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Quiz> Quizzes => Set<Quiz>();

    public DbSet<QuizVersion> QuizVersions => Set<QuizVersion>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<QuizAnswer> QuizAnswers => Set<QuizAnswer>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();

    public DbSet<CourseCompetency> CourseCompetencies => Set<CourseCompetency>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(course =>
        {
            course.ToTable("Courses");
            course.Property(c => c.Title).HasMaxLength(CourseRules.MaxTitleLength);
            course.Property(c => c.Summary).HasMaxLength(CourseRules.MaxSummaryLength);
            course.Property(c => c.Language).HasConversion<string>().HasMaxLength(8);
            course.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            course.HasIndex(c => c.OwningUnitId);
            course.HasIndex(c => c.Status);
            course.HasOne<Course>().WithMany().HasForeignKey(c => c.TranslationId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<CourseCover>(cover =>
        {
            cover.ToTable("CourseCovers");
            cover.Property(c => c.ContentType).HasMaxLength(64);
            cover.Property(c => c.Content).NotAudited();
            cover.HasIndex(c => c.CourseId).IsUnique();
            cover.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CourseSection>(section =>
        {
            section.ToTable("Sections");
            section.Property(s => s.Title).HasMaxLength(CourseRules.MaxTitleLength);
            section.HasIndex(s => new { s.CourseId, s.Order });
            section.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Lesson>(lesson =>
        {
            lesson.ToTable("Lessons");
            lesson.Property(l => l.Title).HasMaxLength(CourseRules.MaxTitleLength);
            lesson.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            lesson.Property(l => l.Body).HasMaxLength(CourseRules.MaxBodyLength);
            lesson.Property(l => l.VideoUrl).HasMaxLength(CourseRules.MaxUrlLength);
            lesson.HasIndex(l => new { l.SectionId, l.Order });
            // The course id is a copy of the section's, for reading a course's lessons in one query; the section owns the row.
            lesson.HasIndex(l => l.CourseId);
            lesson.HasOne<CourseSection>().WithMany().HasForeignKey(l => l.SectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LessonAttachment>(attachment =>
        {
            attachment.ToTable("LessonAttachments");
            attachment.Property(a => a.FileName).HasMaxLength(CourseRules.MaxFileNameLength);
            attachment.Property(a => a.ContentType).HasMaxLength(64);
            attachment.Property(a => a.Content).NotAudited();
            attachment.HasIndex(a => a.LessonId);
            attachment.HasIndex(a => a.CourseId);
            attachment.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Cascade);
        });
        OnQuizzesCreating(modelBuilder);
        modelBuilder.Entity<Enrolment>(enrolment =>
        {
            enrolment.ToTable("Enrolments");
            enrolment.Property(e => e.Method).HasConversion<string>().HasMaxLength(16);
            enrolment.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            // At most one active enrolment per person and course; completed and withdrawn ones stay as history.
            enrolment.HasIndex(e => new { e.PersonId, e.CourseId }).IsUnique().HasFilter("\"Status\" = 'Active'");
            enrolment.HasIndex(e => e.CourseId);
            enrolment.HasIndex(e => new { e.Status, e.DueAt });
            enrolment.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LessonCompletion>(completion =>
        {
            completion.ToTable("LessonCompletions");
            completion.HasIndex(c => new { c.PersonId, c.CourseId });
            completion.HasIndex(c => c.LessonId);
            completion.HasOne<Lesson>().WithMany().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Cohort>(cohort =>
        {
            cohort.ToTable("Cohorts");
            cohort.Property(c => c.Name).HasMaxLength(CourseRules.MaxTitleLength);
            cohort.HasIndex(c => c.OwningUnitId);
        });
        modelBuilder.Entity<CohortMember>(member =>
        {
            member.ToTable("CohortMembers");
            member.HasKey(m => new { m.CohortId, m.PersonId });
            member.HasOne<Cohort>().WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CourseCompetency>(mapping =>
        {
            mapping.ToTable("CourseCompetencies");
            mapping.HasIndex(m => new { m.CourseId, m.CompetencyLineageId }).IsUnique();
            mapping.HasOne<Course>().WithMany().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddDailyRuns(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }

    private static void OnQuizzesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Question>(question =>
        {
            question.ToTable("Questions");
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
            question.Property(q => q.Text).HasMaxLength(QuizRules.MaxTextLength);
            question.Property(q => q.Feedback).HasMaxLength(QuizRules.MaxFeedbackLength);
            question.Property(q => q.Options).HasJsonConversion();
            question.Property(q => q.AcceptedAnswers).HasJsonConversion();
            question.HasIndex(q => q.CourseId);
            question.HasOne<Course>().WithMany().HasForeignKey(q => q.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Quiz>(quiz =>
        {
            quiz.ToTable("Quizzes");
            quiz.Property(q => q.QuestionIds).HasJsonConversion();
            quiz.HasIndex(q => q.LessonId).IsUnique();
            quiz.HasIndex(q => q.CourseId);
            quiz.HasOne<Lesson>().WithMany().HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QuizVersion>(version =>
        {
            version.ToTable("QuizVersions");
            // A frozen copy of what authors wrote, which the quiz and question changes already record.
            version.Property(v => v.Content).NotAudited();
            version.HasIndex(v => new { v.QuizId, v.Number }).IsUnique();
            version.HasOne<Quiz>().WithMany().HasForeignKey(v => v.QuizId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QuizAttempt>(attempt =>
        {
            attempt.ToTable("QuizAttempts");
            attempt.Property(a => a.Layout).HasJsonConversion().NotAudited();
            attempt.HasIndex(a => new { a.QuizId, a.PersonId, a.Number }).IsUnique();
            attempt.HasIndex(a => new { a.PersonId, a.CourseId });
            attempt.HasOne<QuizVersion>().WithMany().HasForeignKey(a => a.QuizVersionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QuizAnswer>(answer =>
        {
            // Saved at every keystroke pause; the attempt's start, submission and score are what the trail needs.
            answer.NotAudited();
            answer.ToTable("QuizAnswers");
            answer.HasKey(a => new { a.AttemptId, a.QuestionId });
            answer.Property(a => a.OptionIds).HasJsonConversion();
            answer.Property(a => a.Text).HasMaxLength(QuizRules.MaxAnswerLength);
            answer.HasOne<QuizAttempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class LearningSqliteDbContext(DbContextOptions<LearningSqliteDbContext> options)
    : LearningDbContext(options);

internal sealed class LearningPostgreSqlDbContext(DbContextOptions<LearningPostgreSqlDbContext> options)
    : LearningDbContext(options);

internal sealed class LearningSqliteDesignFactory()
    : DesignTimeDbContextFactory<LearningSqliteDbContext>(DatabaseProvider.Sqlite, LearningDbContext.Schema);

internal sealed class LearningPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<LearningPostgreSqlDbContext>(DatabaseProvider.PostgreSql, LearningDbContext.Schema);
