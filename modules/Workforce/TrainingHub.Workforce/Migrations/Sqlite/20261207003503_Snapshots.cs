using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Snapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    Children = table.Column<int>(type: "INTEGER", nullable: true),
                    Staff = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialWorkers = table.Column<int>(type: "INTEGER", nullable: false),
                    Psychologists = table.Column<int>(type: "INTEGER", nullable: false),
                    Volunteers = table.Column<int>(type: "INTEGER", nullable: false),
                    FundedPosts = table.Column<int>(type: "INTEGER", nullable: false),
                    VacantPosts = table.Column<int>(type: "INTEGER", nullable: false),
                    FamiliesInDifficulty = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildrenWithDisabilities = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_Month_UnitId",
                table: "Snapshots",
                columns: new[] { "Month", "UnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Snapshots");
        }
    }
}
