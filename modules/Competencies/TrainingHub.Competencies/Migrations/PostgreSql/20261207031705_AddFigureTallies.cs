using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddFigureTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureCounts",
                schema: "competencies",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Newest = table.Column<bool>(type: "boolean", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureCounts", x => x.FrameworkVersionId);
                });

            migrationBuilder.CreateTable(
                name: "FigureStates",
                schema: "competencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<int>(type: "integer", nullable: false),
                    CountedChanges = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfileStandings",
                schema: "competencies",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetsProfile = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileStandings", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "RequirementTallies",
                schema: "competencies",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Required = table.Column<int>(type: "integer", nullable: false),
                    Met = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementTallies", x => new { x.FrameworkVersionId, x.AreaId, x.RowId, x.NodeId });
                });

            migrationBuilder.CreateTable(
                name: "TalliedPeople",
                schema: "competencies",
                columns: table => new
                {
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalliedPeople", x => new { x.FrameworkVersionId, x.AreaId, x.RowId });
                });

            migrationBuilder.InsertData(
                schema: "competencies",
                table: "FigureStates",
                columns: new[] { "Id", "Changes", "CountedChanges" },
                values: new object[] { 1, 1, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureCounts",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "FigureStates",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "ProfileStandings",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "RequirementTallies",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "TalliedPeople",
                schema: "competencies");
        }
    }
}
