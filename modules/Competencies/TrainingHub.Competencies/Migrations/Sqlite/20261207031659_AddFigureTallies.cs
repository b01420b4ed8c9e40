using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddFigureTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureCounts",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Newest = table.Column<bool>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureCounts", x => x.FrameworkVersionId);
                });

            migrationBuilder.CreateTable(
                name: "FigureStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedChanges = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfileStandings",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetsProfile = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileStandings", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "RequirementTallies",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Required = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementTallies", x => new { x.FrameworkVersionId, x.AreaId, x.RowId, x.NodeId });
                });

            migrationBuilder.CreateTable(
                name: "TalliedPeople",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalliedPeople", x => new { x.FrameworkVersionId, x.AreaId, x.RowId });
                });

            migrationBuilder.InsertData(
                table: "FigureStates",
                columns: new[] { "Id", "Changes", "CountedChanges" },
                values: new object[] { 1, 1, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureCounts");

            migrationBuilder.DropTable(
                name: "FigureStates");

            migrationBuilder.DropTable(
                name: "ProfileStandings");

            migrationBuilder.DropTable(
                name: "RequirementTallies");

            migrationBuilder.DropTable(
                name: "TalliedPeople");
        }
    }
}
