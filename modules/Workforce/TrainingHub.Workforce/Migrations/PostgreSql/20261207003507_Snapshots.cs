using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Snapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Snapshots",
                schema: "workforce",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    Children = table.Column<int>(type: "integer", nullable: true),
                    Staff = table.Column<int>(type: "integer", nullable: false),
                    SocialWorkers = table.Column<int>(type: "integer", nullable: false),
                    Psychologists = table.Column<int>(type: "integer", nullable: false),
                    Volunteers = table.Column<int>(type: "integer", nullable: false),
                    FundedPosts = table.Column<int>(type: "integer", nullable: false),
                    VacantPosts = table.Column<int>(type: "integer", nullable: false),
                    FamiliesInDifficulty = table.Column<int>(type: "integer", nullable: true),
                    ChildrenWithDisabilities = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_Month_UnitId",
                schema: "workforce",
                table: "Snapshots",
                columns: new[] { "Month", "UnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Snapshots",
                schema: "workforce");
        }
    }
}
