using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddPersonProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FullNameLatin",
                schema: "accounts",
                table: "AspNetUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HomeUnitId",
                schema: "accounts",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                schema: "accounts",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "accounts",
                table: "AspNetUsers",
                type: "character varying(401)",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                schema: "accounts",
                table: "AspNetUsers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PositionTypes",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameUk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsBuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositionTypes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_HomeUnitId",
                schema: "accounts",
                table: "AspNetUsers",
                column: "HomeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers",
                column: "PositionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PositionTypes_Code",
                schema: "accounts",
                table: "PositionTypes",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_PositionTypes_PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers",
                column: "PositionTypeId",
                principalSchema: "accounts",
                principalTable: "PositionTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_PositionTypes_PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "PositionTypes",
                schema: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_HomeUnitId",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FullNameLatin",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HomeUnitId",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IsActive",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PositionTypeId",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "StartDate",
                schema: "accounts",
                table: "AspNetUsers");
        }
    }
}
