using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;

namespace TrainingHub.Competencies.Services;

internal static class CountedLevels
{
    /// <summary>
    /// Makes each assessor rating about to be saved the counted level of its person and lineage, in the same save, so
    /// the counted level can never disagree with the ratings. A rating being added is the latest one.
    /// </summary>
    public static async Task KeepCountedLevelsAsync(this CompetenciesDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<CompetencyRating>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == RatingKind.Assessor)
            .Select(e => e.Entity)
            .ToList();
        foreach (var rating in added)
        {
            var counted = await db.CountedLevels.FindAsync([rating.PersonId, rating.LineageId], cancellationToken);
            if (counted is null)
            {
                db.CountedLevels.Add(new CountedLevel
                {
                    PersonId = rating.PersonId, LineageId = rating.LineageId, LevelRank = rating.LevelRank, RatedAt = rating.RatedAt,
                });
            }
            else
            {
                counted.LevelRank = rating.LevelRank;
                counted.RatedAt = rating.RatedAt;
            }
        }
    }
}
