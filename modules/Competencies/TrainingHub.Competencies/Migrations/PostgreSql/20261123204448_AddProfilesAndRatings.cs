using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddProfilesAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ratings",
                schema: "competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LevelRank = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalSchema: "competencies",
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ratings_Nodes_NodeId",
                        column: x => x.NodeId,
                        principalSchema: "competencies",
                        principalTable: "Nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleRequirements",
                schema: "competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LevelRank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleRequirements_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalSchema: "competencies",
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleRequirements_Nodes_NodeId",
                        column: x => x.NodeId,
                        principalSchema: "competencies",
                        principalTable: "Nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_FrameworkVersionId",
                schema: "competencies",
                table: "Ratings",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_LineageId",
                schema: "competencies",
                table: "Ratings",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_NodeId",
                schema: "competencies",
                table: "Ratings",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PersonId_LineageId_RatedAt",
                schema: "competencies",
                table: "Ratings",
                columns: new[] { "PersonId", "LineageId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleRequirements_FrameworkVersionId_PositionTypeId_NodeId",
                schema: "competencies",
                table: "RoleRequirements",
                columns: new[] { "FrameworkVersionId", "PositionTypeId", "NodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleRequirements_NodeId",
                schema: "competencies",
                table: "RoleRequirements",
                column: "NodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ratings",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "RoleRequirements",
                schema: "competencies");
        }
    }
}
